package io.fargatereconciler.desired;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store keeps the last good state in force through broken edits, and says when a new one takes force. */
class DesiredStateStoreTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    @TempDir
    Path folder;
    DesiredStateFixture fixture;
    List<DesiredStateChanged> announced = new ArrayList<>();
    DesiredStateStore store;

    @BeforeEach
    void setUp() {
        fixture = new DesiredStateFixture(folder);
        store = new DesiredStateStore("desired-state", announced::add);
    }

    @Test
    void holdsNoStateUntilTheFirstGoodLoad() {
        fixture.write("api.yaml", GROUP.replace("replicas: 2", "replicas: -2"));
        store.record(fixture.load(), T0);
        assertThat(store.current()).isEmpty();
        assertThat(store.errors()).singleElement().extracting(ValidationError::field).isEqualTo("spec.replicas");
        assertThat(store.status().lastAttemptAt()).contains(T0);
        assertThat(announced).isEmpty();
    }

    @Test
    void keepsTheLastGoodStateWhenAnEditIsBroken() {
        fixture.write("api.yaml", GROUP);
        store.record(fixture.load(), T0);
        DesiredState good = store.current().orElseThrow();
        fixture.write("api.yaml", GROUP.replace("replicas: 2", "replicas: lots"));
        store.record(fixture.load(), T1);
        assertThat(store.current()).containsSame(good);
        assertThat(store.errors()).singleElement().extracting(ValidationError::message)
                .isEqualTo("must be a whole number, not lots");
        assertThat(store.status().lastAttemptAt()).contains(T1);
    }

    @Test
    void clearsTheErrorsWhenTheFileIsFixed() {
        fixture.write("api.yaml", GROUP);
        store.record(fixture.load(), T0);
        fixture.write("api.yaml", GROUP.replace("replicas: 2", "replicas: lots"));
        store.record(fixture.load(), T1);
        fixture.write("api.yaml", GROUP.replace("replicas: 2", "replicas: 5"));
        store.record(fixture.load(), T2);
        assertThat(store.errors()).isEmpty();
        assertThat(store.current().orElseThrow().taskGroups().get(0).replicas()).isEqualTo(5);
    }

    @Test
    void announcesEachNewStateButNotAReloadOfTheSameContent() {
        fixture.write("api.yaml", GROUP);
        store.record(fixture.load(), T0);
        store.record(fixture.load(), T1);
        fixture.write("api.yaml", GROUP.replace("replicas: 2", "replicas: 3"));
        store.record(fixture.load(), T2);
        assertThat(announced).hasSize(2);
        assertThat(announced.get(0).previous()).isEmpty();
        assertThat(announced.get(1).previous()).contains(announced.get(0).current());
        assertThat(announced.get(1).current().taskGroups().get(0).replicas()).isEqualTo(3);
        assertThat(announced.get(1).revision()).isEqualTo(store.status().lastGood().orElseThrow().revision());
    }

    @Test
    void keepsTheNewStateInForceAndShowsTheCauseWhenAnObserverOfTheChangeFails() {
        store = new DesiredStateStore("desired-state", changed -> {
            throw new IllegalStateException("simulated observer failure");
        });
        fixture.write("api.yaml", GROUP);

        store.record(fixture.load(), T0);

        assertThat(store.current()).isPresent();
        assertThat(store.status().applyFailures()).singleElement().asString()
                .isEqualTo("an observer of the change failed: java.lang.IllegalStateException: simulated observer failure");
    }

    @Test
    void keepsAReportedApplyFailureThroughReloadsAndBrokenEditsOfTheSameRevision() {
        fixture.write("api.yaml", GROUP);
        store.record(fixture.load(), T0);
        String revision = store.status().lastGood().orElseThrow().revision();

        store.reportApplyFailure(revision, "the embedded simulator lacks cluster prod");
        store.record(fixture.load(), T1);
        fixture.write("api.yaml", GROUP.replace("replicas: 2", "replicas: lots"));
        store.record(fixture.load(), T2);

        assertThat(store.status().applyFailures()).containsExactly("the embedded simulator lacks cluster prod");
    }

    @Test
    void startsANewRevisionWithoutTheApplyFailuresOfTheOldOne() {
        fixture.write("api.yaml", GROUP);
        store.record(fixture.load(), T0);
        String old = store.status().lastGood().orElseThrow().revision();
        store.reportApplyFailure(old, "the embedded simulator lacks cluster prod");

        fixture.write("api.yaml", GROUP.replace("replicas: 2", "replicas: 3"));
        store.record(fixture.load(), T1);
        store.reportApplyFailure(old, "a late report about the old revision");

        assertThat(store.status().applyFailures()).isEmpty();
    }

    @Test
    void treatsAFolderThatBecameEmptyAsAnErrorNotAsRunNothing() throws Exception {
        fixture.write("api.yaml", GROUP);
        store.record(fixture.load(), T0);
        java.nio.file.Files.delete(folder.resolve("api.yaml"));
        store.record(fixture.load(), T1);
        assertThat(store.current()).isPresent();
        assertThat(store.errors()).singleElement().asString().contains("holds no desired-state files");
    }
}
