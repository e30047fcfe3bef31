package io.fargatereconciler.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.CapacityProviderItem;
import io.fargatereconciler.desired.ContainerOverride;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.Overrides;
import io.fargatereconciler.desired.PropagateTags;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Ownership;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;

class RunTaskRequestsTest {
    private static final Network NETWORK = new Network(List.of("subnet-aaa", "subnet-bbb"), List.of("sg-111"), false);

    @Test
    void marksTheTaskAsOursWithStartedByTokenAndTags() {
        TaskSpec spec = new TaskSpec("prod", "api:7", null, null, null, NETWORK, null, Map.of("team", "payments"),
                PropagateTags.TASK_DEFINITION, true, null, null);
        Launch launch = new Launch(ResourceKey.taskGroup("api"), spec, 3, List.of("subnet-bbb"), "tok-123",
                Map.of("extra", "x"), "2 of 5 missing");

        RunTaskRequest request = RunTaskRequests.of(launch, "my-reconciler");

        assertThat(request.cluster()).isEqualTo("prod");
        assertThat(request.taskDefinition()).isEqualTo("api:7");
        assertThat(request.count()).isEqualTo(3);
        assertThat(request.startedBy()).isEqualTo("my-reconciler");
        assertThat(request.clientToken()).isEqualTo("tok-123");
        assertThat(tags(request)).containsEntry(Ownership.GROUP_TAG, "TaskGroup/api")
                .containsEntry(Ownership.SPEC_HASH_TAG, spec.specHash())
                .containsEntry("team", "payments").containsEntry("extra", "x");
        assertThat(request.launchTypeAsString()).isEqualTo("FARGATE");
        assertThat(request.capacityProviderStrategy()).isEmpty();
        assertThat(request.propagateTagsAsString()).isEqualTo("TASK_DEFINITION");
        assertThat(request.enableExecuteCommand()).isTrue();
        var vpc = request.networkConfiguration().awsvpcConfiguration();
        assertThat(vpc.subnets()).containsExactly("subnet-bbb");
        assertThat(vpc.securityGroups()).containsExactly("sg-111");
        assertThat(vpc.assignPublicIpAsString()).isEqualTo("DISABLED");
    }

    @Test
    void ownershipTagsWinOverSpecTagsOfTheSameName() {
        TaskSpec spec = new TaskSpec("prod", "api:7", null, null, null, NETWORK, null,
                Map.of(Ownership.GROUP_TAG, "TaskGroup/someone-else"), null, false, null, null);
        Launch launch = new Launch(ResourceKey.taskGroup("api"), spec, 1, List.of("subnet-aaa"), "t", null, "r");

        assertThat(tags(RunTaskRequests.of(launch, "o"))).containsEntry(Ownership.GROUP_TAG, "TaskGroup/api");
    }

    @Test
    void sendsCapacityProviderStrategyPlatformVersionAndOverrides() {
        Overrides overrides = new Overrides("1024", "2048", List.of(new ContainerOverride("app", List.of("serve", "--fast"),
                Map.of("MODE", "blue"), 512, 1024)));
        TaskSpec spec = new TaskSpec("prod", "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:7", null,
                List.of(new CapacityProviderItem("FARGATE_SPOT", 3, 0), new CapacityProviderItem("FARGATE", 1, 1)),
                "1.4.0", NETWORK, overrides, null, null, false, null, null);
        Launch launch = new Launch(ResourceKey.taskGroup("api"), spec, 1, List.of("subnet-aaa"), "t", null, "r");

        RunTaskRequest request = RunTaskRequests.of(launch, "o");

        assertThat(request.launchType()).isNull();
        assertThat(request.capacityProviderStrategy()).extracting(i -> i.capacityProvider() + ":" + i.weight() + ":" + i.base())
                .containsExactly("FARGATE_SPOT:3:0", "FARGATE:1:1");
        assertThat(request.platformVersion()).isEqualTo("1.4.0");
        assertThat(request.overrides().cpu()).isEqualTo("1024");
        assertThat(request.overrides().memory()).isEqualTo("2048");
        var container = request.overrides().containerOverrides().get(0);
        assertThat(container.name()).isEqualTo("app");
        assertThat(container.command()).containsExactly("serve", "--fast");
        assertThat(container.environment()).extracting(kv -> kv.name() + "=" + kv.value()).containsExactly("MODE=blue");
        assertThat(container.cpu()).isEqualTo(512);
        assertThat(container.memory()).isEqualTo(1024);
    }

    private static Map<String, String> tags(RunTaskRequest request) {
        return request.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }
}
