package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.Task;

class ClientTokenTest {
    private final SimulatorFixture world = new SimulatorFixture();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void theSameTokenWithTheSameParametersReturnsTheSameTasksAndLaunchesNothing() {
        List<Task> first = runWithToken("launch-1", 3);
        world.advance(Duration.ofMinutes(5));
        List<Task> again = runWithToken("launch-1", 3);

        assertThat(again).extracting(Task::taskArn).containsExactlyElementsOf(first.stream().map(Task::taskArn)
                .toList());
        assertThat(again).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
        assertThat(world.admin().tasks()).hasSize(3);
    }

    @Test
    void theSameTokenWithOtherParametersIsAConflict() {
        runWithToken("launch-1", 3);
        assertThatThrownBy(() -> runWithToken("launch-1", 4)).isInstanceOf(ConflictException.class);
        assertThat(world.admin().tasks()).hasSize(3);
    }

    @Test
    void tokensAreScopedToTheCluster() {
        runWithToken("launch-1", 1);
        world.ecs.runTask(SimulatorFixture.request("data", "api", 1, "subnet-a").clientToken("launch-1").build());
        assertThat(world.admin().tasks()).hasSize(2);
    }

    @Test
    void aTokenStillAnswersWithItsStoppedTasksUntilAnHourAfterTheyStopped() {
        Task task = runWithToken("launch-1", 1).get(0);
        world.advance(Duration.ofMinutes(1));
        world.admin().stopTask(task.taskArn(), null);
        world.advance(Duration.ofMinutes(1));

        Task replay = runWithToken("launch-1", 1).get(0);
        assertThat(replay.taskArn()).isEqualTo(task.taskArn());
        assertThat(replay.lastStatus()).isEqualTo("STOPPED");

        world.advance(Duration.ofHours(1));
        Task fresh = runWithToken("launch-1", 1).get(0);
        assertThat(fresh.taskArn()).isNotEqualTo(task.taskArn());
    }

    private List<Task> runWithToken(String token, int count) {
        return world.ecs.runTask(SimulatorFixture.request("payments", "api", count, "subnet-a")
                .clientToken(token).build()).tasks();
    }
}
