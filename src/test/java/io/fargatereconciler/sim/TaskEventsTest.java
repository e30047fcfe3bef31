package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fargatereconciler.sim.events.TaskStateChangeEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;

class TaskEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimulatorFixture world = new SimulatorFixture();
    private final List<TaskStateChangeEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void everyStateChangeIsAnEcsTaskStateChangeEventWithAGrowingVersion() throws Exception {
        world.admin().addTaskStateChangeListener(events::add);
        Task task = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(SimulatorFixture.STARTUP);
        world.ecs.stopTask(r -> r.cluster("payments").task(task.taskArn()));
        world.advance(Duration.ofMinutes(1));

        assertThat(events).extracting(TaskStateChangeEvent::lastStatus).containsExactly("PROVISIONING", "PENDING",
                "ACTIVATING", "RUNNING", "DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED");
        assertThat(events).extracting(TaskStateChangeEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);

        JsonNode running = JSON.readTree(events.get(3).json());
        assertThat(running.get("version").asText()).isEqualTo("0");
        assertThat(running.get("detail-type").asText()).isEqualTo("ECS Task State Change");
        assertThat(running.get("source").asText()).isEqualTo("aws.ecs");
        assertThat(running.get("account").asText()).isEqualTo("123456789012");
        assertThat(running.get("region").asText()).isEqualTo("us-east-1");
        assertThat(running.get("time").asText()).isEqualTo("2025-01-01T00:00:40Z");
        assertThat(running.get("resources").get(0).asText()).isEqualTo(task.taskArn());
        JsonNode detail = running.get("detail");
        assertThat(detail.get("taskArn").asText()).isEqualTo(task.taskArn());
        assertThat(detail.get("lastStatus").asText()).isEqualTo("RUNNING");
        assertThat(detail.get("desiredStatus").asText()).isEqualTo("RUNNING");
        assertThat(detail.get("version").asLong()).isEqualTo(4);
        assertThat(detail.get("createdAt").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(detail.get("startedAt").asText()).isEqualTo("2025-01-01T00:00:40Z");
        assertThat(detail.get("clusterArn").asText()).endsWith(":cluster/payments");

        JsonNode stopped = JSON.readTree(events.get(7).json()).get("detail");
        assertThat(stopped.get("stopCode").asText()).isEqualTo("UserInitiated");
        assertThat(stopped.get("stoppedReason").asText()).isEqualTo("Task stopped by user");
    }

    @Test
    void aListenerThatIsClosedHearsNothingMore() throws Exception {
        AutoCloseable registration = world.admin().addTaskStateChangeListener(events::add);
        world.runTasks("payments", "api", 1, "subnet-a");
        registration.close();
        world.advance(Duration.ofMinutes(1));
        assertThat(events).hasSize(1);
    }
}
