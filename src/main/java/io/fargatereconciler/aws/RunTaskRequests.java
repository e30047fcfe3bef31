package io.fargatereconciler.aws;

import io.fargatereconciler.desired.ContainerOverride;
import io.fargatereconciler.desired.Overrides;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Ownership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/** Translates a {@link Launch} into the RunTaskRequest that carries it out, marked as ours. */
final class RunTaskRequests {
    private RunTaskRequests() {
    }

    static RunTaskRequest of(Launch launch, String ownerId) {
        TaskSpec spec = launch.task();
        RunTaskRequest.Builder request = RunTaskRequest.builder()
                .cluster(spec.cluster())
                .taskDefinition(spec.taskDefinition())
                .count(launch.count())
                .startedBy(ownerId)
                .clientToken(launch.clientToken())
                .tags(tagsOf(launch))
                .networkConfiguration(networkOf(launch))
                .propagateTags(spec.propagateTags().name())
                .enableExecuteCommand(spec.enableExecuteCommand());
        if (spec.capacityProviderStrategy().isEmpty()) {
            request.launchType(spec.launchType());
        } else {
            request.capacityProviderStrategy(spec.capacityProviderStrategy().stream()
                    .map(item -> CapacityProviderStrategyItem.builder().capacityProvider(item.capacityProvider())
                            .weight(item.weight()).base(item.base()).build())
                    .toList());
        }
        if (spec.platformVersion() != null) {
            request.platformVersion(spec.platformVersion());
        }
        if (!spec.overrides().isEmpty()) {
            request.overrides(overridesOf(spec.overrides()));
        }
        return request.build();
    }

    /** The spec's own tags, then the launch's extra tags, then our ownership tags (which always win). */
    private static List<Tag> tagsOf(Launch launch) {
        Map<String, String> tags = new LinkedHashMap<>(launch.task().tags());
        tags.putAll(launch.extraTags());
        tags.put(Ownership.GROUP_TAG, launch.group().toString());
        tags.put(Ownership.SPEC_HASH_TAG, launch.task().specHash());
        List<Tag> result = new ArrayList<>();
        tags.forEach((key, value) -> result.add(Tag.builder().key(key).value(value).build()));
        return result;
    }

    private static NetworkConfiguration networkOf(Launch launch) {
        var network = launch.task().network();
        return NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder()
                .subnets(launch.subnets())
                .securityGroups(network.securityGroups())
                .assignPublicIp(network.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)
                .build()).build();
    }

    private static TaskOverride overridesOf(Overrides overrides) {
        TaskOverride.Builder task = TaskOverride.builder();
        if (overrides.cpu() != null) {
            task.cpu(overrides.cpu());
        }
        if (overrides.memory() != null) {
            task.memory(overrides.memory());
        }
        if (!overrides.containers().isEmpty()) {
            task.containerOverrides(overrides.containers().stream().map(RunTaskRequests::containerOverrideOf).toList());
        }
        return task.build();
    }

    private static software.amazon.awssdk.services.ecs.model.ContainerOverride containerOverrideOf(ContainerOverride c) {
        var container = software.amazon.awssdk.services.ecs.model.ContainerOverride.builder().name(c.name());
        if (!c.command().isEmpty()) {
            container.command(c.command());
        }
        if (!c.environment().isEmpty()) {
            container.environment(c.environment().entrySet().stream()
                    .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList());
        }
        if (c.cpu() != null) {
            container.cpu(c.cpu());
        }
        if (c.memory() != null) {
            container.memory(c.memory());
        }
        return container.build();
    }
}
