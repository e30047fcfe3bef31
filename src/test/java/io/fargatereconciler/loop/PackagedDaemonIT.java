package io.fargatereconciler.loop;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fargatereconciler.sim.FargateSimulator;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.TaskSnapshot;
import io.fargatereconciler.testing.S3rver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The packaged daemon in its production profile: it logs one JSON object per line with the decision fields as keys
 * of their own, and reads an {@code s3://bucket/prefix} desired-state path from an S3-compatible server (s3rver).
 * Every AWS endpoint points at a server of the test on loopback (s3rver, the Fargate simulator) or at a closed
 * loopback port, so nothing leaves the machine.
 */
class PackagedDaemonIT {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void logsJsonLinesAndTakesItsDesiredStateFromS3() throws Exception {
        try (S3rver s3rver = S3rver.start()) {
            s3rver.createBucket("desired");
            s3rver.put("desired", "prod/team/api.yaml", GROUP);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder daemon = new ProcessBuilder(java,
                    "-Dquarkus.http.port=0",
                    "-Dreconciler.desired-state.path=s3://desired/prod",
                    "-Dreconciler.desired-state.s3.endpoint-override=" + s3rver.endpoint(),
                    "-Dreconciler.desired-state.s3.path-style-access=true",
                    "-jar", JAR.toString()).redirectErrorStream(true);
            daemon.environment().putAll(Map.of(
                    "AWS_REGION", S3rver.REGION,
                    "AWS_ACCESS_KEY_ID", S3rver.ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY", S3rver.SECRET_KEY,
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:9"));
            Process process = daemon.start();
            try {
                DaemonOutput output = DaemonOutput.follow(process);
                JsonNode inForce = output.await(line -> line.get("message").asText().contains("revision"));
                assertThat(output.snapshot()).isNotEmpty().allSatisfy(line -> {
                    JsonNode record = JSON.readTree(line);
                    assertThat(record.isObject()).as(line).isTrue();
                    assertThat(record.has("level") && record.has("loggerName") && record.has("message")).as(line).isTrue();
                });
                assertThat(inForce.get("message").asText())
                        .startsWith("desired state s3://desired/prod/: revision ")
                        .endsWith("in force, 1 resources from 1 files");
            } finally {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void logsEachDecisionFieldAsAJsonKeyOfItsOwnBesideTheUnchangedMessage() throws Exception {
        // given the packaged daemon reconciling the example desired state against the Fargate simulator
        try (FargateSimulator simulator = FargateSimulator.builder()
                .config(SimulatorConfig.load(Path.of("src/test/resources/simulator/fast.yaml"))).start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder daemon = new ProcessBuilder(java, "-Dquarkus.http.port=0",
                    "-Dreconciler.desired-state.path=desired-state", "-Dreconciler.loop.resync-interval=2s",
                    "-jar", JAR.toString()).redirectErrorStream(true);
            daemon.environment().putAll(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "test",
                    "AWS_SECRET_ACCESS_KEY", "test", "AWS_ENDPOINT_URL", simulator.endpoint().toString()));
            Process process = daemon.start();
            try {
                DaemonOutput output = DaemonOutput.follow(process);

                // when it launches the payments API's copies
                JsonNode launch = output.await(line -> "launch".equals(mdc(line, "action"))
                        && "TaskGroup/payments-api".equals(mdc(line, "group")));

                // then the launch line carries group, action, result, token and reason as keys, the message as before
                assertThat(launch.get("mdc").get("result").asText()).isEqualTo("started");
                assertThat(launch.get("mdc").get("token").asText()).isNotBlank();
                assertThat(launch.get("mdc").get("reason").asText()).contains("copies missing");
                assertThat(launch.get("message").asText()).startsWith("group=TaskGroup/payments-api action=launch count=")
                        .contains(" token=" + launch.get("mdc").get("token").asText() + " reason=\"");

                // and when a person stops one of them, the line about it carries the task and its subnet as keys
                TaskSnapshot copy = awaitRunningCopy(simulator, "payments-api");
                simulator.admin().stopTask(copy.taskArn(), "trying the reconciler");
                JsonNode stopped = output.await(line -> "observe-stop".equals(mdc(line, "action"))
                        && copy.taskArn().equals(mdc(line, "task")));
                assertThat(stopped.get("mdc").get("subnet").asText()).isEqualTo(copy.subnetId());
                assertThat(stopped.get("mdc").get("group").asText()).isEqualTo("TaskGroup/payments-api");
                assertThat(stopped.get("mdc").get("reason").asText()).isEqualTo("trying the reconciler");
                assertThat(stopped.get("message").asText()).isEqualTo("group=TaskGroup/payments-api action=observe-stop"
                        + " task=" + copy.taskArn() + " cause=STOPPED_BY_USER counts-as-failure=false subnet="
                        + copy.subnetId() + " reason=\"trying the reconciler\"");
            } finally {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String mdc(JsonNode line, String key) {
        JsonNode value = line.path("mdc").path(key);
        return value.isMissingNode() ? null : value.asText();
    }

    private static TaskSnapshot awaitRunningCopy(FargateSimulator simulator, String family) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> simulator.admin().tasks("payments-prod").stream()
                .filter(task -> family.equals(task.family()) && "RUNNING".equals(task.lastStatus())).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** The daemon's JSON lines as they come, read on a thread of their own. */
    private static final class DaemonOutput {
        private final List<String> lines = new ArrayList<>();
        private volatile boolean ended;

        static DaemonOutput follow(Process process) {
            DaemonOutput output = new DaemonOutput();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (output.lines) {
                            output.lines.add(line);
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process was destroyed
                } finally {
                    output.ended = true;
                }
            }, "daemon-output");
            reader.setDaemon(true);
            reader.start();
            return output;
        }

        /** The first JSON line that matches; fails after 60 s or when the daemon exits, showing what it said. */
        JsonNode await(Predicate<JsonNode> wanted) {
            try {
                return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                    if (ended) {
                        throw new IllegalStateException("the daemon exited: " + snapshot());
                    }
                    for (String line : snapshot()) {
                        JsonNode record = JSON.readTree(line);
                        if (wanted.test(record)) {
                            return Optional.of(record);
                        }
                    }
                    return Optional.<JsonNode>empty();
                }, Optional::isPresent).orElseThrow();
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("no such line within 60 s; the daemon said: " + snapshot(), e);
            }
        }

        private List<String> snapshot() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}
