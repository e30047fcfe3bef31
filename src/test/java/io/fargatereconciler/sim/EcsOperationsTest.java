package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskField;

class EcsOperationsTest {
    private final SimulatorFixture world = new SimulatorFixture();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void createsDescribesAndListsClusters() {
        Cluster created = world.ecs.createCluster(r -> r.clusterName("batch")
                .tags(Tag.builder().key("team").value("data").build())).cluster();
        assertThat(created.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/batch");
        assertThat(created.status()).isEqualTo("ACTIVE");

        var described = world.ecs.describeClusters(r -> r.clusters("batch", "nope").include(ClusterField.TAGS));
        assertThat(described.clusters()).singleElement().satisfies(c -> {
            assertThat(c.clusterName()).isEqualTo("batch");
            assertThat(c.tags()).containsExactly(Tag.builder().key("team").value("data").build());
        });
        assertThat(described.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
        assertThat(world.ecs.listClusters().clusterArns()).hasSize(3).last().isEqualTo(created.clusterArn());
    }

    @Test
    void countsRunningAndPendingTasksOfACluster() {
        world.runTasks("payments", "api", 3, "subnet-a");
        assertThat(world.ecs.describeClusters(r -> r.clusters("payments")).clusters().get(0).pendingTasksCount())
                .isEqualTo(3);
        world.advance(SimulatorFixture.STARTUP);
        assertThat(world.ecs.describeClusters(r -> r.clusters("payments")).clusters().get(0).runningTasksCount())
                .isEqualTo(3);
    }

    @Test
    void registersRevisionsAndDescribesAndListsTaskDefinitions() {
        TaskDefinition first = register("worker");
        TaskDefinition second = register("worker");
        assertThat(first.revision()).isEqualTo(1);
        assertThat(second.taskDefinitionArn()).endsWith(":task-definition/worker:2");
        assertThat(second.compatibilities()).contains(Compatibility.FARGATE);

        var latest = world.ecs.describeTaskDefinition(r -> r.taskDefinition("worker").include(TaskDefinitionField.TAGS));
        assertThat(latest.taskDefinition().revision()).isEqualTo(2);
        assertThat(latest.tags()).extracting(Tag::key).containsExactly("owner");
        assertThat(world.ecs.describeTaskDefinition(r -> r.taskDefinition("worker:1")).taskDefinition()
                .containerDefinitions().get(0).image()).isEqualTo("example/worker:1");
        assertThat(world.ecs.listTaskDefinitions(r -> r.familyPrefix("worker")).taskDefinitionArns()).hasSize(2);
        assertThatThrownBy(() -> world.ecs.describeTaskDefinition(r -> r.taskDefinition("ghost")))
                .isInstanceOf(ClientException.class).hasMessageContaining("Unable to describe task definition.");
    }

    @Test
    void runTaskPicksOneOfTheGivenSubnetsAndAnswersWithTheTasks() {
        var tasks = world.runTasks("payments", "api", 10, "subnet-a", "subnet-b");
        assertThat(tasks).hasSize(10).allSatisfy(t -> {
            assertThat(t.taskArn()).startsWith("arn:aws:ecs:us-east-1:123456789012:task/payments/");
            assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE);
            assertThat(t.group()).isEqualTo("family:api");
        });
        assertThat(tasks.stream().map(t -> t.attachments().get(0).details().get(0).value()).distinct())
                .containsExactlyInAnyOrder("subnet-a", "subnet-b");
    }

    @Test
    void describeTasksReportsUnknownArnsAsMissingAndIncludesTagsOnRequest() {
        var task = world.ecs.runTask(SimulatorFixture.request("payments", "api", 1, "subnet-a")
                .startedBy("fargate-reconciler").tags(Tag.builder().key("fargate-reconciler/group").value("api")
                        .build()).build()).tasks().get(0);
        String ghost = task.taskArn().substring(0, task.taskArn().lastIndexOf('/') + 1) + "0".repeat(32);

        DescribeTasksResponse described = world.ecs.describeTasks(r -> r.cluster("payments")
                .tasks(task.taskArn(), ghost).include(TaskField.TAGS));

        assertThat(described.tasks()).singleElement().satisfies(t -> {
            assertThat(t.startedBy()).isEqualTo("fargate-reconciler");
            assertThat(t.tags()).extracting(Tag::value).containsExactly("api");
        });
        assertThat(described.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo(ghost);
            assertThat(f.reason()).isEqualTo("MISSING");
        });
        assertThat(world.describe("payments", task.taskArn()).tags()).isEmpty();
    }

    @Test
    void tagsTasksClustersAndTaskDefinitions() {
        var task = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.ecs.tagResource(r -> r.resourceArn(task.taskArn()).tags(Tag.builder().key("k").value("v").build()));
        assertThat(world.ecs.listTagsForResource(r -> r.resourceArn(task.taskArn())).tags())
                .containsExactly(Tag.builder().key("k").value("v").build());
        String cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/data";
        world.ecs.tagResource(r -> r.resourceArn(cluster).tags(Tag.builder().key("c").value("1").build()));
        assertThat(world.ecs.listTagsForResource(r -> r.resourceArn(cluster)).tags()).extracting(Tag::key)
                .containsExactly("c");
    }

    @Test
    void refusesUnknownClustersTaskDefinitionsAndSubnets() {
        assertThatThrownBy(() -> world.runTasks("nope", "api", 1, "subnet-a"))
                .isInstanceOf(ClusterNotFoundException.class).hasMessageContaining("Cluster not found.");
        assertThatThrownBy(() -> world.runTasks("payments", "ghost", 1, "subnet-a"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("TaskDefinition not found.");
        assertThatThrownBy(() -> world.runTasks("payments", "api", 1, "subnet-zzz"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The subnet ID 'subnet-zzz' does not exist");
        assertThatThrownBy(() -> world.ecs.listTasks(r -> r.cluster("nope")))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void fargateNeedsAnAwsvpcNetworkConfiguration() {
        assertThatThrownBy(() -> world.ecs.runTask(r -> r.cluster("payments").taskDefinition("api")
                .launchType(LaunchType.FARGATE)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }

    @Test
    void aTaskWithoutLaunchTypeOrCapacityProviderNeedsContainerInstancesAndFails() {
        var response = world.ecs.runTask(r -> r.cluster("payments").taskDefinition("api")
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a"))));
        assertThat(response.tasks()).isEmpty();
        assertThat(response.failures()).singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("No Container Instances were found in your cluster."));
    }

    @Test
    void fargateSpotThroughACapacityProviderStrategy() {
        var task = world.ecs.runTask(r -> r.cluster("payments").taskDefinition("api")
                .capacityProviderStrategy(s -> s.capacityProvider("FARGATE_SPOT").weight(1))
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a")))).tasks().get(0);
        assertThat(task.capacityProviderName()).isEqualTo("FARGATE_SPOT");
    }

    private TaskDefinition register(String family) {
        return world.ecs.registerTaskDefinition(r -> r.family(family).networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(List.of(Compatibility.FARGATE)).cpu("256").memory("512")
                .tags(Tag.builder().key("owner").value("team-a").build())
                .containerDefinitions(c -> c.name("worker").image("example/worker:1").essential(true)))
                .taskDefinition();
    }
}
