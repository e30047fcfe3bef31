package io.fargatereconciler.desired;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static io.fargatereconciler.desired.DesiredStateFixture.JOB;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules across files: which files are read, unique names, an empty folder, the revision. */
class FolderLoadingTest {
    @TempDir
    Path folder;
    DesiredStateFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DesiredStateFixture(folder);
    }

    @Test
    void refusesAFolderWithMoreFilesThanTheLimitWithoutReadingThem() {
        fixture.write("a.yaml", GROUP).write("b.yaml", "not: [valid").write("c.yaml", JOB);
        assertThat(fixture.errors(new LoadSettings(LoadSettings.DEFAULT_MAX_FILE_BYTES, 2, Set.of())))
                .containsExactly(folder + ": holds more than 2 desired-state files, over the limit"
                        + " (reconciler.desired-state.max-files); none were read. Merge files or raise the limit");
    }

    @Test
    void readsYamlFilesAtAnyDepthAndSkipsHiddenAndOtherFiles() {
        fixture.write("a/b/c/d/api.yml", GROUP)
                .write("jobs/export.yaml", JOB)
                .write(".git/config.yaml", "not: [valid")
                .write("a/.api.yaml.swp", "\0\0binary")
                .write("README.md", "# notes");
        assertThat(fixture.loadValid().resources()).containsOnlyKeys(ResourceKey.taskGroup("api"), ResourceKey.job("export"));
    }

    @Test
    void namesBothPlacesOfADuplicateName() {
        fixture.write("team-a/api.yaml", GROUP).write("team-b/api.yaml", "# copied\n" + GROUP);
        assertThat(fixture.errors()).containsExactly(
                "team-b/api.yaml:5:9 metadata.name: duplicate TaskGroup name 'api': also defined at"
                        + " team-a/api.yaml:4:9; names must be unique per kind across all files");
    }

    @Test
    void findsADuplicateNameEvenWhenTheDocumentHasOtherErrors() {
        fixture.write("a.yaml", GROUP).write("b.yaml", GROUP.replace("replicas: 2", "replicas: -2"));
        assertThat(fixture.errors()).containsExactly(
                "b.yaml:4:9 metadata.name: duplicate TaskGroup name 'api': also defined at"
                        + " a.yaml:4:9; names must be unique per kind across all files",
                "b.yaml:6:13 spec.replicas: must not be negative, not -2");
    }

    @Test
    void allowsTheSameNameForATaskGroupAndAJob() {
        fixture.write("api.yaml", GROUP + "---\n" + JOB.replace("name: export", "name: api"));
        assertThat(fixture.loadValid().resources()).containsOnlyKeys(ResourceKey.taskGroup("api"), ResourceKey.job("api"));
    }

    @Test
    void refusesAFolderWithoutDesiredStateFiles() {
        fixture.write("README.md", "nothing here");
        assertThat(fixture.errors()).containsExactly(folder + ": holds no desired-state files (*.yaml, *.yml); an"
                + " empty folder is refused rather than read as 'run nothing', so that a bad mount, checkout or sync"
                + " cannot stop every task. To stop tasks, set their replicas to 0");
    }

    @Test
    void refusesFilesWithoutAnyDocument() {
        fixture.write("api.yaml", "# nothing yet\n---\n");
        assertThat(fixture.errors()).singleElement().asString().startsWith(folder + ": holds no desired-state documents");
    }

    @Test
    void refusesAMissingFolderSayingNothingIsLaunchedAndWhereTheDesiredStateMustCome() {
        DesiredStateFixture missing = new DesiredStateFixture(folder.resolve("nope"));
        assertThat(missing.load()).isInstanceOfSatisfying(LoadResult.Invalid.class, invalid ->
                assertThat(invalid.errors()).singleElement().asString().isEqualTo(folder + "/nope: folder does not"
                        + " exist, so no desired state is loaded and nothing is launched or stopped; point"
                        + " reconciler.desired-state.path (RECONCILER_DESIRED_STATE_PATH; or the validate command) at"
                        + " the folder holding the desired-state files, or at s3://bucket/prefix/. The container image"
                        + " carries no desired state: see docs/deploy.md"));
    }

    @Test
    void givesTheSameRevisionForTheSameContentAndAnotherForAnyChange() {
        fixture.write("api.yaml", GROUP);
        String first = ((LoadResult.Valid) fixture.load()).revision();
        assertThat(((LoadResult.Valid) fixture.load()).revision()).isEqualTo(first);
        fixture.write("api.yaml", GROUP + "# a comment\n");
        assertThat(((LoadResult.Valid) fixture.load()).revision()).isNotEqualTo(first);
    }
}
