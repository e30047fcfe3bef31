package io.fargatereconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.cli.PolicyCommand;
import io.fargatereconciler.cli.ReconcilerCommandLine;
import io.fargatereconciler.cli.ValidateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged application runs its commands as plain Java: no Quarkus banner, no port, the right exit status. */
class PackagedCommandsIT {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path folder;

    @Test
    void validatesTheShippedExamplesFromThePackagedJar() throws Exception {
        Run run = run("validate", "desired-state/");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("desired-state: valid, 3 resources in 3 files").doesNotContain("Quarkus");
    }

    @Test
    void exitsOneOnABrokenFolder() throws Exception {
        Files.writeString(folder.resolve("api.yaml"), "apiVersion: fargate-reconciler.io/v1alpha1\nkind: Group\n");
        Run run = run("validate", folder.toString());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ValidateCommand.INVALID);
        assertThat(run.output()).contains(folder + "/api.yaml:2:7 kind: must be one of TaskGroup, Job, Team, not Group");
    }

    @Test
    void printsTheHelpOfPlan() throws Exception {
        Run run = run("plan", "--help");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("Usage: fargate-reconciler plan [-h] [--endpoint-url=URL] [--region=REGION]")
                .contains("Exit status:").doesNotContain("Quarkus");
    }

    @Test
    void printsThePolicyOfTheShippedExamples() throws Exception {
        Run run = run("policy", "desired-state/", "--account", "123456789012", "--region", "eu-west-1");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(PolicyCommand.PRINTED);
        assertThat(run.output()).startsWith("{\n  \"Version\" : \"2012-10-17\"")
                .contains("arn:aws:ecs:eu-west-1:123456789012:cluster/payments-prod");
    }

    @Test
    void refusesAnUnknownCommandInsteadOfStartingTheDaemon() throws Exception {
        Run run = run("valdate", "desired-state/");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ReconcilerCommandLine.USAGE_ERROR);
        assertThat(run.output()).startsWith("fargate-reconciler: unknown command valdate").doesNotContain("Quarkus");
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
