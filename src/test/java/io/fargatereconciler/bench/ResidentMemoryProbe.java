package io.fargatereconciler.bench;

import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.sim.FargateSimulator;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.SubnetSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged daemon ({@code target/quarkus-app/quarkus-run.jar}) as a child process, with the container's JVM
 * flags, managing {@code copies} tasks in a simulator that runs in this JVM on the system clock; once every copy
 * runs and a few more passes went by, its resident set size is read from {@code /proc/<pid>/status}.
 */
final class ResidentMemoryProbe {
    static final String FILE = "resident-memory";
    /**
     * The Dockerfile's {@code JAVA_OPTS_APPEND} inside the CloudFormation task size (0.5 vCPU, 1024 MiB): MaxRAM and
     * ActiveProcessorCount make the JVM size itself as it does inside that container.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:MaxRAM=1024m", "-XX:ActiveProcessorCount=1",
            "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final Duration SETTLE = Duration.ofSeconds(15);

    /** What was measured; {@code jvmMemoryUsedBytes} by area (heap, nonheap) from the daemon's own metrics. */
    record Result(int copies, boolean converged, Duration convergence, long vmRssKib, long vmHwmKib,
                  Map<String, Long> jvmMemoryUsedBytes, List<String> jvmFlags) {
        double rssMib() {
            return vmRssKib / 1024.0;
        }
    }

    private ResidentMemoryProbe() {
    }

    static Result measure(Path jar, int groupsPerCluster, int copiesPerGroup, Path workDir) throws Exception {
        SimulatorConfig config = ScenarioRun.file(FILE);
        Workload workload = Workload.spread(config.clusters(), groupsPerCluster, copiesPerGroup,
                config.taskDefinitions().get(0).family() + ":1",
                config.subnets().stream().map(SubnetSeed::id).toList());
        Path desired = writeDesiredState(workload, workDir.resolve("desired-state"));
        Path log = workDir.resolve("daemon.log");
        try (FargateSimulator simulator = FargateSimulator.builder().config(config).clock(Clock.systemUTC()).start()) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_FLAGS);
            command.addAll(List.of("-Dquarkus.http.port=0", "-Dreconciler.desired-state.path=" + desired,
                    "-Dreconciler.loop.resync-interval=10s",
                    "-Dreconciler.planner.account-run-task-calls-per-second=200",
                    "-Dreconciler.planner.account-run-task-call-burst=200",
                    "-Dreconciler.planner.account-tasks-per-second=2000", "-Dreconciler.planner.account-task-burst=2000",
                    "-jar", jar.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("AWS_ENDPOINT_URL", simulator.endpoint().toString(),
                    "AWS_REGION", config.region(), "AWS_ACCESS_KEY_ID", "simulator",
                    "AWS_SECRET_ACCESS_KEY", "simulator"));
            long started = System.nanoTime();
            Process daemon = builder.start();
            try {
                boolean converged = awaitRunning(simulator, workload.copies(), daemon, Duration.ofMinutes(4));
                Duration convergence = Duration.ofNanos(System.nanoTime() - started);
                Thread.sleep(SETTLE.toMillis());
                long rss = 0;
                for (int sample = 0; sample < 10; sample++) {
                    rss = Math.max(rss, status(daemon.pid(), "VmRSS"));
                    Thread.sleep(1_000);
                }
                return new Result(workload.copies(), converged, convergence, rss, status(daemon.pid(), "VmHWM"),
                        jvmMemoryUsed(log), JVM_FLAGS);
            } finally {
                daemon.destroy();
                if (!daemon.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    daemon.destroyForcibly();
                }
            }
        }
    }

    private static boolean awaitRunning(FargateSimulator simulator, int copies, Process daemon, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && daemon.isAlive()) {
            long running = simulator.admin().tasks().stream()
                    .filter(t -> Ownership.DEFAULT_OWNER_ID.equals(t.startedBy()) && "RUNNING".equals(t.lastStatus()))
                    .count();
            if (running >= copies) {
                return true;
            }
            Thread.sleep(1_000);
        }
        if (!daemon.isAlive()) {
            throw new IllegalStateException("the daemon exited with " + daemon.exitValue() + " before converging");
        }
        return false;
    }

    /** A field of /proc/PID/status in KiB, e.g. VmRSS. */
    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
    }

    /** jvm_memory_used_bytes summed by area, from the daemon's /q/metrics (its port read from its log). */
    private static Map<String, Long> jvmMemoryUsed(Path log) throws IOException, InterruptedException {
        Matcher port = LISTENING.matcher(Files.readString(log));
        if (!port.find()) {
            return Map.of();
        }
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port.group(1) + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Long> byArea = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"(\\w+)\"[^}]*} ([0-9.E+]+)").matcher(metrics);
        while (line.find()) {
            byArea.merge(line.group(1), (long) Double.parseDouble(line.group(2)), Long::sum);
        }
        return byArea;
    }

    private static Path writeDesiredState(Workload workload, Path folder) {
        try {
            Files.createDirectories(folder);
            for (Workload.Group group : workload.groups()) {
                Files.writeString(folder.resolve(group.name() + ".yaml"), """
                        apiVersion: fargate-reconciler.io/v1alpha1
                        kind: TaskGroup
                        metadata:
                          name: %s
                        spec:
                          replicas: %d
                          cluster: %s
                          taskDefinition: "%s"
                          network:
                            subnets: [%s]
                        """.formatted(group.name(), group.replicas(), group.cluster(), group.taskDefinition(),
                        String.join(", ", group.subnets())));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
