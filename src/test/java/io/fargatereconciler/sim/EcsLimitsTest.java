package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Tag;

class EcsLimitsTest {
    private final SimulatorFixture world = new SimulatorFixture();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void runTaskRefusesElevenTasksInOneCall() {
        assertThatThrownBy(() -> world.run("payments", "api", 11, "subnet-a"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> world.run("payments", "api", 0, "subnet-a"))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(world.admin().tasks()).isEmpty();
    }

    @Test
    void runTaskRefusesStartedByLongerThan128AndClientTokenLongerThan64() {
        assertThatThrownBy(() -> world.ecs.runTask(SimulatorFixture.request("payments", "api", 1, "subnet-a")
                .startedBy("x".repeat(129)).build())).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> world.ecs.runTask(SimulatorFixture.request("payments", "api", 1, "subnet-a")
                .clientToken("t".repeat(65)).build())).isInstanceOf(InvalidParameterException.class);
        assertThat(world.ecs.runTask(SimulatorFixture.request("payments", "api", 1, "subnet-a")
                .startedBy("x".repeat(128)).clientToken("t".repeat(64)).build()).tasks()).hasSize(1);
    }

    @Test
    void runTaskRefusesMoreThanFiftyTags() {
        List<Tag> tags = IntStream.range(0, 51).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
        assertThatThrownBy(() -> world.ecs.runTask(SimulatorFixture.request("payments", "api", 1, "subnet-a")
                .tags(tags).build())).isInstanceOf(InvalidParameterException.class).hasMessageContaining("50");
    }

    @Test
    void describeTasksRefuses101Arns() {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            arns.add("arn:aws:ecs:us-east-1:123456789012:task/payments/" + String.format("%032x", i));
        }
        assertThatThrownBy(() -> world.ecs.describeTasks(r -> r.cluster("payments").tasks(arns)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("100");
        assertThat(world.ecs.describeTasks(r -> r.cluster("payments").tasks(arns.subList(0, 100))).failures())
                .hasSize(100);
    }

    @Test
    void listTasksRefusesMaxResults101() {
        assertThatThrownBy(() -> world.ecs.listTasks(r -> r.cluster("payments").maxResults(101)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("maxResults");
        assertThat(world.ecs.listTasks(r -> r.cluster("payments").maxResults(100)).taskArns()).isEmpty();
    }

    @Test
    void listTasksAcceptsStartedByOnlyAsTheSoleFilter() {
        assertThatThrownBy(() -> world.ecs.listTasks(r -> r.cluster("payments").startedBy("me").family("api")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("cannot specify startedBy with other arguments");
        assertThatThrownBy(() -> world.ecs.listTasks(r -> r.cluster("payments").startedBy("me")
                .desiredStatus(DesiredStatus.STOPPED))).isInstanceOf(InvalidParameterException.class);
    }
}
