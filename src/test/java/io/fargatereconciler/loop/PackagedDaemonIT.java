package io.fargatereconciler.loop;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fargatereconciler.testing.S3rver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged daemon in its production profile: it logs one JSON object per line, and reads an
 * {@code s3://bucket/prefix} desired-state path from an S3-compatible server (s3rver). Every AWS endpoint other than
 * the S3 one points at a closed loopback port, so nothing leaves the machine.
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
                List<String> lines = linesUntil(process, "revision");
                assertThat(lines).isNotEmpty().allSatisfy(line -> {
                    JsonNode record = JSON.readTree(line);
                    assertThat(record.isObject()).as(line).isTrue();
                    assertThat(record.has("level") && record.has("loggerName") && record.has("message")).as(line).isTrue();
                });
                JsonNode inForce = JSON.readTree(lines.get(lines.size() - 1));
                assertThat(inForce.get("message").asText())
                        .startsWith("desired state s3://desired/prod/: revision ")
                        .endsWith("in force, 1 resources from 1 files");
            } finally {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The daemon's output lines up to the first containing {@code marker}; fails after 60 s or at exit. */
    private static List<String> linesUntil(Process process, String marker) throws Exception {
        List<String> lines = new ArrayList<>();
        CompletableFuture<List<String>> found = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.contains(marker)) {
                        return lines;
                    }
                }
                throw new IllegalStateException("the daemon exited before logging '" + marker + "': " + lines);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return found.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            synchronized (lines) {
                throw new AssertionError("no '" + marker + "' within 60 s; the daemon said: " + lines, e);
            }
        }
    }
}
