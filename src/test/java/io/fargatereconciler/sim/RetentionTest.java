package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

class RetentionTest {
    private final SimulatorFixture world = new SimulatorFixture();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aStoppedTaskStaysListableAndDescribableForAnHourThenVanishes() {
        Task task = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(Duration.ofMinutes(1));
        world.ecs.stopTask(r -> r.cluster("payments").task(task.taskArn()).reason("scale down"));
        world.advance(LifecycleTimings.defaults().shutdown());
        Task stopped = world.describe("payments", task.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stoppedReason()).isEqualTo("scale down");

        world.advance(Duration.ofMinutes(59));
        assertThat(world.ecs.listTasks(r -> r.cluster("payments").desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .containsExactly(task.taskArn());
        assertThat(world.describe("payments", task.taskArn()).lastStatus()).isEqualTo("STOPPED");

        world.advance(Duration.ofMinutes(1));
        assertThat(world.ecs.listTasks(r -> r.cluster("payments").desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .isEmpty();
        var described = world.ecs.describeTasks(r -> r.cluster("payments").tasks(task.taskArn()));
        assertThat(described.tasks()).isEmpty();
        assertThat(described.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    }

    @Test
    void theRetentionPeriodIsConfigurable() {
        world.close();
        SimulatorFixture shortLived = new SimulatorFixture(c -> c.retention(Duration.ofMinutes(5)));
        try {
            Task task = shortLived.runTasks("payments", "api", 1, "subnet-a").get(0);
            shortLived.admin().stopTask(task.taskArn(), null);
            shortLived.advance(Duration.ofMinutes(6));
            assertThat(shortLived.ecs.describeTasks(r -> r.cluster("payments").tasks(task.taskArn())).failures())
                    .hasSize(1);
        } finally {
            shortLived.close();
        }
    }
}
