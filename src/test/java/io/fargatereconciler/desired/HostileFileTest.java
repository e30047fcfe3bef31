package io.fargatereconciler.desired;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Files built to hurt a parser or escape the folder end in one clear error each, never a crash or a hang. */
@Timeout(20)
class HostileFileTest {
    @TempDir
    Path temp;
    Path folder;
    DesiredStateFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        folder = Files.createDirectory(temp.resolve("desired-state"));
        fixture = new DesiredStateFixture(folder);
    }

    @Test
    void refusesABillionLaughsAliasBombAtItsFirstAlias() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            String previous = "*a" + (i - 1);
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        assertThat(fixture.errorsOf(bomb.toString())).containsExactly("api.yaml:2:10: YAML aliases (*a0) are not"
                + " supported: they let a small file expand without bound; write the value out");
    }

    @Test
    void refusesEvenAScalarAlias() {
        assertThat(fixture.errorsOf(GROUP.replace("cluster: prod", "cluster: &c prod") + "  tags: {cluster: *c}\n"))
                .containsExactly("api.yaml:12:19: YAML aliases (*c) are not supported: they let a small file expand"
                        + " without bound; write the value out");
    }

    @Test
    void refusesDeeplyNestedFlowCollections() {
        assertThat(fixture.errorsOf("[".repeat(200_000) + "]".repeat(200_000) + "\n")).containsExactly(
                "api.yaml:1:33: nested deeper than 32 levels; no desired-state field needs that, so the file is refused");
    }

    @Test
    void refusesDeeplyNestedBlockMappings() {
        StringBuilder deep = new StringBuilder();
        for (int level = 0; level < 40; level++) {
            deep.append("  ".repeat(level)).append("a:\n");
        }
        assertThat(fixture.errorsOf(deep.toString())).containsExactly(
                "api.yaml:32:63: nested deeper than 32 levels; no desired-state field needs that, so the file is"
                        + " refused");
    }

    @Test
    void refusesAFileOverTheSizeLimitWithoutParsingIt() {
        fixture.write("api.yaml", GROUP + "#" + "x".repeat(LoadSettings.DEFAULT_MAX_FILE_BYTES) + "\n");
        assertThat(fixture.errors()).singleElement().asString().matches("api.yaml: is 10[0-9]{5} bytes, over the limit"
                + " of 1048576 bytes \\(reconciler.desired-state.max-file-bytes\\); split it into smaller files");
    }

    @Test
    void appliesAConfiguredSizeLimit() {
        fixture.write("api.yaml", GROUP);
        assertThat(fixture.errors(new LoadSettings(100, Set.of()))).containsExactly("api.yaml: is "
                + GROUP.length() + " bytes, over the limit of 100 bytes (reconciler.desired-state.max-file-bytes);"
                + " split it into smaller files");
    }

    @Test
    void refusesInvalidUtf8AtTheOffendingByte() {
        byte[] latin1 = GROUP.replace("cluster: prod", "cluster: café").getBytes(StandardCharsets.ISO_8859_1);
        fixture.write("api.yaml", latin1);
        assertThat(fixture.errors()).containsExactly("api.yaml:7:15: is not valid UTF-8 (byte 0xE9); save it as UTF-8");
    }

    @Test
    void refusesUtf16Text() {
        fixture.write("api.yaml", GROUP.getBytes(StandardCharsets.UTF_16));
        assertThat(fixture.errors()).containsExactly("api.yaml:1:1: is UTF-16 text; save it as UTF-8");
    }

    @Test
    void refusesABinaryFileNamedLikeYaml() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        fixture.write("logo.yaml", png);
        assertThat(fixture.errors()).containsExactly("logo.yaml:3:1: looks like a binary file (it contains a NUL byte);"
                + " desired-state files must be YAML text");
    }

    @Test
    void refusesControlCharacters() {
        fixture.write("api.yaml", GROUP.replace("cluster: prod", "cluster: pro\u001Bd"));
        assertThat(fixture.errors()).containsExactly("api.yaml:7:15: contains the control character U+001B, which YAML"
                + " does not allow; desired-state files must be plain text");
    }

    @Test
    void refusesExplicitTags() {
        assertThat(fixture.errorsOf(GROUP.replace("cluster: prod", "cluster: !!python/object:os.system prod")))
                .containsExactly("api.yaml:7:12: explicit YAML tags (tag:yaml.org,2002:python/object:os.system) are"
                        + " not supported; write plain values");
    }

    @Test
    void refusesASymbolicLinkToAFileOutsideTheFolder() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.yaml"), GROUP);
        Files.createSymbolicLink(folder.resolve("api.yaml"), secret);
        assertThat(fixture.errors()).containsExactly("api.yaml: is a symbolic link leading outside the desired-state"
                + " folder (to " + secret.toRealPath() + "); copy the file into the folder instead");
    }

    @Test
    void refusesASymbolicLinkToAFolderOutside() throws IOException {
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("api.yaml"), GROUP);
        Files.createSymbolicLink(folder.resolve("team"), elsewhere);
        fixture.write("own.yaml", GROUP.replace("name: api", "name: own"));
        assertThat(fixture.errors()).containsExactly("team: is a symbolic link leading outside the desired-state folder"
                + " (to " + elsewhere.toRealPath() + "); copy the file into the folder instead");
    }

    @Test
    void refusesASymbolicLinkLoop() throws IOException {
        fixture.write("api.yaml", GROUP);
        Files.createSymbolicLink(folder.resolve("again"), folder);
        assertThat(fixture.errors()).containsExactly(
                "again: is a symbolic link that loops back to a folder containing it; remove the link");
    }

    @Test
    void refusesABrokenSymbolicLink() throws IOException {
        fixture.write("api.yaml", GROUP);
        Files.createSymbolicLink(folder.resolve("gone.yaml"), folder.resolve("missing.yaml"));
        assertThat(fixture.errors()).containsExactly("gone.yaml: is a broken symbolic link (its target does not exist)");
    }

    @Test
    void refusesANamedPipeInsteadOfWaitingOnIt() throws Exception {
        fixture.write("api.yaml", GROUP);
        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("pipe.yaml").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThat(fixture.errors()).containsExactly("pipe.yaml: is not a regular file (a device, pipe or socket);"
                + " desired state must be plain files");
    }

    @Test
    void followsSymbolicLinksThatStayInsideTheFolderAsKubernetesVolumesUseThem() throws IOException {
        fixture.write("..2030_01_01/api.yaml", GROUP);
        Files.createSymbolicLink(folder.resolve("..data"), folder.resolve("..2030_01_01"));
        Files.createSymbolicLink(folder.resolve("api.yaml"), Path.of("..data/api.yaml"));
        assertThat(fixture.loadValid().resources()).containsOnlyKeys(ResourceKey.taskGroup("api"));
    }
}
