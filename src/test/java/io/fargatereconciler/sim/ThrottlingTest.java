package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.sim.faults.FaultModel;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.EcsException;

class ThrottlingTest {
    private final SimulatorFixture world = new SimulatorFixture(c -> c.faults(FaultModel.none()));

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aBurstOfListTasksBeyondTheBucketIsThrottledWithRateExceeded() {
        int ok = 0;
        EcsException throttled = null;
        for (int i = 0; i < 120; i++) {
            try {
                world.ecs.listTasks(r -> r.cluster("payments"));
                ok++;
            } catch (EcsException e) {
                throttled = e;
            }
        }
        assertThat(ok).isEqualTo(100);
        assertThat(throttled).isNotNull();
        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(throttled.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(throttled.isThrottlingException()).isTrue();
        assertThat(world.admin().apiCalls().throttled("ecs:ListTasks")).isEqualTo(20);
    }

    @Test
    void theBucketRefillsAtTwentyCallsASecondOfSimulatedTime() {
        for (int i = 0; i < 100; i++) {
            world.ecs.describeTasks(r -> r.cluster("payments").tasks("x"));
        }
        world.advance(Duration.ofMillis(500));
        int ok = 0;
        for (int i = 0; i < 15; i++) {
            try {
                world.ecs.listTasks(r -> r.cluster("payments"));
                ok++;
            } catch (EcsException e) {
                assertThat(e.isThrottlingException()).isTrue();
            }
        }
        assertThat(ok).isEqualTo(10);
    }

    @Test
    void fargateLaunchesAtMostOneHundredTasksInABurst() {
        for (int i = 0; i < 10; i++) {
            world.runTasks("payments", "api", 10, "subnet-a", "subnet-b");
        }
        EcsException throttled = null;
        try {
            world.runTasks("payments", "api", 1, "subnet-a");
        } catch (EcsException e) {
            throttled = e;
        }
        assertThat(throttled).isNotNull();
        assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(world.admin().apiCalls().throttled("ecs:RunTask")).as("counted like any throttled call")
                .isEqualTo(1);
        world.advance(Duration.ofSeconds(1));
        assertThat(world.runTasks("payments", "api", 10, "subnet-a")).hasSize(10);
    }

    @Test
    void throttlingCanBeSwitchedOffAtRunTime() {
        world.admin().setThrottling(false);
        for (int i = 0; i < 300; i++) {
            world.ecs.listTasks(r -> r.cluster("payments"));
        }
        assertThat(world.admin().apiCalls().calls("ecs:ListTasks")).isEqualTo(300);
    }
}
