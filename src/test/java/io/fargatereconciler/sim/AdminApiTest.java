package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;

/** The HTTP admin API mirrors the Java admin handle. */
class AdminApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimulatorFixture world = new SimulatorFixture();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void advancesTheVirtualClockAndCountsTasksByStatus() throws Exception {
        world.runTasks("payments", "api", 2, "subnet-a");
        assertThat(call("POST", "clock/advance", "{\"duration\": \"40s\"}").get("now").asText())
                .isEqualTo("2025-01-01T00:00:40Z");
        assertThat(call("GET", "tasks/counts", null).get("RUNNING").asInt()).isEqualTo(2);
        assertThat(call("GET", "tasks?cluster=payments", null)).hasSize(2);
    }

    @Test
    void breaksAndRepairsASubnet() throws Exception {
        assertThat(call("POST", "subnets/subnet-a/outage", "{}").get("inOutage").asBoolean()).isTrue();
        Task task = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        assertThat(call("DELETE", "subnets/subnet-a/outage", null).get("inOutage").asBoolean()).isFalse();
        world.advance(LifecycleTimings.defaults().eniTimeout());
        assertThat(world.describe("payments", task.taskArn()).stopCodeAsString()).isEqualTo("TaskFailedToStart");

        assertThat(call("PUT", "subnets/subnet-b/free-ips", "{\"freeIps\": 0}").get("freeIps").asInt()).isZero();
        assertThat(call("PUT", "subnets/subnet-b/faults", "{\"eniFailureProbability\": 0.5}")
                .get("eniFailureProbability").asDouble()).isEqualTo(0.5);
    }

    @Test
    void replacesTheWholeFaultModelFromYaml() throws Exception {
        JsonNode faults = call("PUT", "faults", """
                throttling: {enabled: false}
                api: {listTasksLag: 2s}
                tasks: [{family: api, exitAfter: 5m, exitCode: 3}]
                """);
        assertThat(faults.get("api").get("listTasksLag").asText()).isEqualTo("2s");
        assertThat(faults.get("tasks").get(0).get("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void theFaultModelReadBackCanBePutBackUnchanged() throws Exception {
        call("PUT", "subnets/subnet-a/faults", "{\"eniFailureProbability\": 0.25}");
        String faults = send("GET", "faults", null).body();
        assertThat(faults).contains("\"runStop\"");
        assertThat(call("PUT", "faults", faults)).isEqualTo(JSON.readTree(faults));
    }

    @Test
    void stopsAndKillsTasksAndReportsApiCallsAndSnsMessages() throws Exception {
        Task first = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        Task second = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(SimulatorFixture.STARTUP);
        assertThat(call("POST", "tasks/stop", "{\"taskArn\": \"" + first.taskArn() + "\"}").get("stopped")
                .asBoolean()).isTrue();
        assertThat(call("POST", "tasks/kill", "{\"taskArn\": \"" + second.taskArn() + "\", \"exitCode\": 1}")
                .get("killed").asBoolean()).isTrue();
        world.sns.publish(r -> r.topicArn("arn:aws:sns:us-east-1:123456789012:reconciler-alerts").message("m"));

        assertThat(call("GET", "api-calls", null).get("calls").get("ecs:RunTask").asInt()).isEqualTo(2);
        assertThat(call("GET", "sns/messages", null).get(0).get("message").asText()).isEqualTo("m");
        assertThat(world.describe("payments", second.taskArn()).stopCodeAsString())
                .isEqualTo("EssentialContainerExited");
    }

    @Test
    void unknownRoutesAndBadBodiesAreExplained() throws Exception {
        HttpResponse<String> missing = send("GET", "nothing-here", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("docs/simulator.md");
        HttpResponse<String> bad = send("PUT", "subnets/subnet-a/free-ips", "{\"freeIps\": 9999}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("subnet subnet-a");
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(world.simulator.endpoint() + "/_sim/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
