package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.Cluster;

class SimulateCommandTest {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void startsWithTheGivenConfigAndPrintsItsEndpoint(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("sim.yaml");
        Files.writeString(config, "clusters: [payments]\n");
        try (FargateSimulator simulator = SimulateCommand.start(new String[] {"--port", "0", "--config",
                config.toString()}, out); var ecs = AwsClients.ecs(simulator.endpoint())) {
            assertThat(output.toString(StandardCharsets.UTF_8))
                    .contains("Fargate simulator listening on " + simulator.endpoint());
            assertThat(ecs.describeClusters(r -> r.clusters("payments")).clusters()).extracting(Cluster::status)
                    .containsExactly("ACTIVE");
        }
    }

    @Test
    void withoutAConfigTheAccountStartsEmpty() {
        try (FargateSimulator simulator = SimulateCommand.start(new String[] {"--port", "0"}, out);
             var ecs = AwsClients.ecs(simulator.endpoint())) {
            assertThat(ecs.listClusters().clusterArns()).isEmpty();
        }
    }

    @Test
    void helpPrintsUsageAndStartsNothing() {
        assertThat(SimulateCommand.start(new String[] {"--help"}, out)).isNull();
        assertThat(output.toString(StandardCharsets.UTF_8)).startsWith("Usage: simulate");
    }

    @Test
    void badArgumentsAreExplained() {
        assertThatThrownBy(() -> SimulateCommand.start(new String[] {"--port", "eighty"}, out))
                .hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> SimulateCommand.start(new String[] {"--config", "/nonexistent.yaml"}, out))
                .hasMessageContaining("no such file");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(SimulateCommand.run(new String[] {"--bogus"}, out, new PrintStream(err, true,
                StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--bogus'");
    }
}
