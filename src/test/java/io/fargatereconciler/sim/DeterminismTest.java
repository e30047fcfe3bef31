package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void theSameSeedAndTheSameCallsGiveTheSameWorld() {
        assertThat(play()).isEqualTo(play());
    }

    private static List<String> play() {
        try (SimulatorFixture world = new SimulatorFixture()) {
            world.admin().setEniFailureProbability("subnet-a", 0.5);
            for (int i = 0; i < 5; i++) {
                world.runTasks("payments", "api", 10, "subnet-a", "subnet-b");
            }
            world.advance(Duration.ofMinutes(5));
            return world.admin().tasks().stream()
                    .map(t -> t.taskArn() + " " + t.subnetId() + " " + t.privateIp() + " " + t.lastStatus()).toList();
        }
    }
}
