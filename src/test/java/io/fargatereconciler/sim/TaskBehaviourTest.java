package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.sim.faults.ApiFaults;
import io.fargatereconciler.sim.faults.TaskBehaviour;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.ServerException;
import software.amazon.awssdk.services.ecs.model.Task;

class TaskBehaviourTest {
    private final SimulatorFixture world = new SimulatorFixture();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aCrashingTaskStopsWithEssentialContainerExitedAndItsExitCode() {
        world.admin().setTaskBehaviours(List.of(TaskBehaviour.exits("api", Duration.ofMinutes(10), 137)));
        Task task = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(SimulatorFixture.STARTUP.plus(Duration.ofMinutes(10)));
        Task crashing = world.describe("payments", task.taskArn());
        assertThat(crashing.desiredStatus()).isEqualTo("STOPPED");
        assertThat(crashing.stopCodeAsString()).isEqualTo("EssentialContainerExited");
        assertThat(crashing.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(crashing.containers().get(0).exitCode()).isEqualTo(137);
        world.advance(Duration.ofMinutes(1));
        assertThat(world.describe("payments", task.taskArn()).lastStatus()).isEqualTo("STOPPED");
    }

    @Test
    void aJobThatSucceedsExitsWithCodeZero() {
        world.admin().setTaskBehaviours(List.of(TaskBehaviour.exits("job", Duration.ofMinutes(2), 0)));
        Task job = world.runTasks("data", "job", 1, "subnet-b").get(0);
        Task api = world.runTasks("data", "api", 1, "subnet-b").get(0);
        world.advance(Duration.ofMinutes(5));
        assertThat(world.describe("data", job.taskArn()).containers().get(0).exitCode()).isZero();
        assertThat(world.describe("data", api.taskArn()).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void anImagePullFailureStopsTheTaskInPendingWithCannotPullContainerError() {
        world.admin().setTaskBehaviours(List.of(new TaskBehaviour("*", null, null, null, null, null, 1.0)));
        Task task = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(Duration.ofMinutes(2));
        Task stopped = world.describe("payments", task.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.stoppedReason()).startsWith("CannotPullContainerError:");
        assertThat(stopped.containers().get(0).reason()).startsWith("CannotPullContainerError:");
        assertThat(stopped.pullStartedAt()).isNotNull();
    }

    @Test
    void aSlowStartTakesLongerToReachRunning() {
        world.admin().setTaskBehaviours(List.of(new TaskBehaviour("api", null, null, null, 1.0, 3.0, null)));
        Task task = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(SimulatorFixture.STARTUP.multipliedBy(2));
        assertThat(world.describe("payments", task.taskArn()).lastStatus()).isNotEqualTo("RUNNING");
        world.advance(SimulatorFixture.STARTUP.multipliedBy(2));
        assertThat(world.describe("payments", task.taskArn()).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void aPersonKillingATaskStopsItWithTheGivenExitCode() {
        Task task = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(SimulatorFixture.STARTUP);
        assertThat(world.admin().killTask(task.taskArn(), 139)).isTrue();
        world.advance(Duration.ofMinutes(1));
        Task stopped = world.describe("payments", task.taskArn());
        assertThat(stopped.stopCodeAsString()).isEqualTo("EssentialContainerExited");
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(139);
    }

    @Test
    void randomServerErrorsAnswerHttp500ServerException() {
        world.admin().setApiFaults(ApiFaults.none().withServerErrorProbability(1.0));
        EcsException error = null;
        try {
            world.ecs.listTasks(r -> r.cluster("payments"));
        } catch (ServerException e) {
            error = e;
        }
        assertThat(error).isNotNull();
        assertThat(error.statusCode()).isEqualTo(500);
    }
}
