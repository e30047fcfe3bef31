package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.sim.faults.ApiFaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

class ListTasksTest {
    private final SimulatorFixture world = new SimulatorFixture();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void pagesThroughEveryTaskExactlyOnceWithNextToken() {
        List<String> launched = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            world.runTasks("payments", "api", 10, "subnet-a", "subnet-b").forEach(t -> launched.add(t.taskArn()));
        }
        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTasksResponse page = world.ecs.listTasks(r -> r.cluster("payments").maxResults(100).nextToken(next));
            listed.addAll(page.taskArns());
            pageSizes.add(page.taskArns().size());
            token = page.nextToken();
        } while (token != null);

        assertThat(pageSizes).containsExactly(100, 100, 50);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(launched).doesNotHaveDuplicates();
    }

    @Test
    void thePaginatorOfTheSdkSeesEveryTask() {
        for (int i = 0; i < 5; i++) {
            world.runTasks("data", "job", 10, "subnet-b");
        }
        var arns = new HashSet<String>();
        world.ecs.listTasksPaginator(r -> r.cluster("data").maxResults(7)).taskArns().forEach(arns::add);
        assertThat(arns).hasSize(50);
    }

    @Test
    void filtersByStartedByFamilyDesiredStatusAndLaunchType() {
        world.ecs.runTask(SimulatorFixture.request("payments", "api", 3, "subnet-a").startedBy("reconciler").build());
        world.runTasks("payments", "job", 2, "subnet-a");
        Task stopped = world.runTasks("payments", "job", 1, "subnet-a").get(0);
        world.ecs.stopTask(r -> r.cluster("payments").task(stopped.taskArn()));

        assertThat(world.ecs.listTasks(r -> r.cluster("payments")).taskArns()).hasSize(5);
        assertThat(world.ecs.listTasks(r -> r.cluster("payments").startedBy("reconciler")).taskArns()).hasSize(3);
        assertThat(world.ecs.listTasks(r -> r.cluster("payments").family("job")).taskArns()).hasSize(2);
        assertThat(world.ecs.listTasks(r -> r.cluster("payments").desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .containsExactly(stopped.taskArn());
        assertThat(world.ecs.listTasks(r -> r.cluster("payments").launchType(LaunchType.EC2)).taskArns()).isEmpty();
        assertThat(world.ecs.listTasks(r -> r.cluster("data")).taskArns()).isEmpty();
    }

    @Test
    void aLaunchedTaskAppearsInListTasksOnlyAfterTheConfiguredLag() {
        world.admin().setApiFaults(ApiFaults.none().withListTasksLag(Duration.ofSeconds(3)));
        Task task = world.runTasks("payments", "api", 1, "subnet-a").get(0);

        assertThat(world.ecs.listTasks(r -> r.cluster("payments")).taskArns()).isEmpty();
        assertThat(world.describe("payments", task.taskArn()).taskArn()).isEqualTo(task.taskArn());
        world.advance(Duration.ofSeconds(3));
        assertThat(world.ecs.listTasks(r -> r.cluster("payments")).taskArns()).containsExactly(task.taskArn());
    }
}
