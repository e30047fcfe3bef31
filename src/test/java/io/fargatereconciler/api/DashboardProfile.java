package io.fargatereconciler.api;

import io.fargatereconciler.loop.EventsAndLeaseServers;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The daemon as in dev mode, reconciling the example desired state (plus a Job that runs once, at once) against the
 * embedded simulator with a task lifecycle of seconds ({@code simulator/fast.yaml}), a 2 s resync, leading through a
 * lease table (dynalite) and taking task-state events from an SQS queue with a dead-letter queue (ElasticMQ), so the
 * page and the metrics have something of everything to show.
 */
public final class DashboardProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "reconciler.simulator.config", "src/test/resources/simulator/fast.yaml",
                "reconciler.loop.resync-interval", "2s",
                "reconciler.desired-state.path", exampleDesiredStateWithOneOffJob().toString());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EventsAndLeaseServers.class));
    }

    private static Path exampleDesiredStateWithOneOffJob() {
        try {
            Path folder = Files.createTempDirectory("dashboard-desired-state");
            Path examples = Path.of("desired-state");
            try (Stream<Path> files = Files.walk(examples)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = folder.resolve(examples.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.copy(Path.of("src/test/resources/dashboard/ledger-backfill.yaml"),
                    folder.resolve("team-data/ledger-backfill.yaml"));
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the dashboard tests' desired state", e);
        }
    }
}
