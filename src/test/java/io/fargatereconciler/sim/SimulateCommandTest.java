package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import software.amazon.awssdk.services.ecs.model.Cluster;

/** {@code simulate}'s options; its usage errors as the packaged command line prints them are in {@code MainTest}. */
class SimulateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void startsWithTheGivenConfigAndPrintsItsEndpoint(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("sim.yaml");
        Files.writeString(config, "clusters: [payments]\n");
        try (FargateSimulator simulator = start("--port", "0", "--config", config.toString());
             var ecs = AwsClients.ecs(simulator.endpoint())) {
            assertThat(out.toString()).contains("Fargate simulator listening on " + simulator.endpoint());
            assertThat(ecs.describeClusters(r -> r.clusters("payments")).clusters()).extracting(Cluster::status)
                    .containsExactly("ACTIVE");
        }
    }

    @Test
    void withoutAConfigTheAccountStartsEmpty() {
        try (FargateSimulator simulator = start("--port", "0"); var ecs = AwsClients.ecs(simulator.endpoint())) {
            assertThat(ecs.listClusters().clusterArns()).isEmpty();
        }
    }

    @Test
    void helpPrintsUsageAndStartsNothing() {
        assertThat(commandLine(new SimulateCommand()).execute("--help")).as("returned, so no simulator runs").isZero();
        assertThat(out.toString()).startsWith("Usage: simulate").contains("--port=PORT", "--host=ADDRESS",
                "--config=FILE", "--help");
    }

    @Test
    void badArgumentsAreExplained() {
        assertThatThrownBy(() -> start("--port", "eighty")).isInstanceOf(ParameterException.class)
                .hasMessage("--port must be a number 0..65535, not eighty");
        assertThatThrownBy(() -> start("--config", "/nonexistent.yaml")).isInstanceOf(ParameterException.class)
                .hasMessage("--config /nonexistent.yaml: no such file");
        assertThatThrownBy(() -> start("--bogus")).isInstanceOf(ParameterException.class).hasMessageContaining("--bogus");
    }

    @Test
    void aConfigItCannotReadIsAUsageErrorNamingTheProblem(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("sim.yaml");
        Files.writeString(config, "clusters: {payments: 1}\n");

        assertThat(commandLine(new SimulateCommand()).execute("--port", "0", "--config", config.toString()))
                .isEqualTo(SimulateCommand.USAGE_ERROR);
        assertThat(err.toString()).startsWith("simulate: ").contains(config.toString());
    }

    private FargateSimulator start(String... args) {
        SimulateCommand command = new SimulateCommand();
        commandLine(command).parseArgs(args);
        return command.start();
    }

    private CommandLine commandLine(SimulateCommand command) {
        return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    }
}
