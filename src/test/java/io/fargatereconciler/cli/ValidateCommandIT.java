package io.fargatereconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged application runs {@code validate} as plain Java: no Quarkus banner, no port, the right exit status. */
class ValidateCommandIT {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path folder;

    @Test
    void validatesTheShippedExamplesFromThePackagedJar() throws Exception {
        Run run = validate("desired-state/");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("desired-state: valid, 3 resources in 3 files").doesNotContain("Quarkus");
    }

    @Test
    void exitsOneOnABrokenFolder() throws Exception {
        Files.writeString(folder.resolve("api.yaml"), "apiVersion: fargate-reconciler.io/v1alpha1\nkind: Group\n");
        Run run = validate(folder.toString());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ValidateCommand.INVALID);
        assertThat(run.output()).contains(folder + "/api.yaml:2:7 kind: must be one of TaskGroup, Job, Team, not Group");
    }

    private static Run validate(String folder) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "validate", folder)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("validate finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
