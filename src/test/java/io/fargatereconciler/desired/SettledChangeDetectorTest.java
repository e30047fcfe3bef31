package io.fargatereconciler.desired;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static io.fargatereconciler.desired.DesiredStateFixture.JOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A change is taken once the folder has looked the same for the debounce period, never while it is moving. */
class SettledChangeDetectorTest {
    private static final Duration DEBOUNCE = Duration.ofSeconds(2);

    @TempDir
    Path folder;
    ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    DesiredStateFixture fixture;
    FolderSource source;
    SettledChangeDetector detector;

    @BeforeEach
    void setUp() {
        fixture = new DesiredStateFixture(folder).write("team/api.yaml", GROUP);
        source = new FolderSource(folder, LoadSettings.DEFAULT);
        detector = new SettledChangeDetector(source::fingerprint, clock, DEBOUNCE);
        detector.read(source.fingerprint());
    }

    @Test
    void neverReportsAnUnchangedFolder() {
        assertThat(detector.settledChange()).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(detector.settledChange()).isFalse();
    }

    @Test
    void reportsAnEditOnceItHasSettledForTheDebouncePeriod() throws IOException {
        append("team/api.yaml", "  enableExecuteCommand: true\n");
        assertThat(detector.settledChange()).as("first seen").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(detector.settledChange()).as("1s later").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(detector.settledChange()).as("2s later").isTrue();
    }

    @Test
    void waitsWhileAFileIsStillBeingWritten() throws IOException {
        append("team/api.yaml", "  backoff:\n");
        detector.settledChange();
        clock.advance(Duration.ofMillis(1500));
        append("team/api.yaml", "    initial: 30s\n");
        assertThat(detector.settledChange()).as("changed again").isFalse();
        clock.advance(Duration.ofMillis(1500));
        assertThat(detector.settledChange()).as("1.5s after the last write").isFalse();
        clock.advance(Duration.ofMillis(500));
        assertThat(detector.settledChange()).as("2s after the last write").isTrue();
    }

    @Test
    void seesFilesAddedAndRemovedInSubfolders() throws IOException {
        fixture.write("a/b/c/export.yaml", JOB);
        detector.settledChange();
        clock.advance(DEBOUNCE);
        assertThat(detector.settledChange()).as("added").isTrue();
        detector.read(source.fingerprint());
        Files.delete(folder.resolve("team/api.yaml"));
        detector.settledChange();
        clock.advance(DEBOUNCE);
        assertThat(detector.settledChange()).as("removed").isTrue();
    }

    @Test
    void forgetsTheChangeOnceTheFolderHasBeenRead() throws IOException {
        append("team/api.yaml", "# note\n");
        detector.settledChange();
        clock.advance(DEBOUNCE);
        detector.read(source.fingerprint());
        assertThat(detector.settledChange()).isFalse();
    }

    @Test
    void saysAChangeIsPendingFromFirstSightUntilItIsRead() throws IOException {
        assertThat(detector.changePending()).as("unchanged").isFalse();
        append("team/api.yaml", "# note\n");
        detector.settledChange();
        assertThat(detector.changePending()).as("seen, not settled").isTrue();
        clock.advance(DEBOUNCE);
        assertThat(detector.settledChange()).isTrue();
        detector.read(source.fingerprint());
        assertThat(detector.changePending()).as("read").isFalse();
    }

    private void append(String file, String text) throws IOException {
        Files.writeString(folder.resolve(file), text, StandardOpenOption.APPEND);
    }
}
