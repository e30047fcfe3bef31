package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.AllowedClusters;
import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.CapacityProviderItem;
import io.fargatereconciler.desired.NamedValue;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.Notifications;
import io.fargatereconciler.desired.Overrides;
import io.fargatereconciler.desired.PropagateTags;
import io.fargatereconciler.desired.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The fields every kind's spec shares: what to launch and where (see {@link TaskSpec}). */
final class TaskSpecMapper {
    static final List<String> FARGATE_PROVIDERS = List.of("FARGATE", "FARGATE_SPOT");
    private static final Pattern PLATFORM_VERSION = Pattern.compile("LATEST|[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

    private final AllowedClusters allowedClusters;

    TaskSpecMapper(AllowedClusters allowedClusters) {
        this.allowedClusters = allowedClusters;
    }

    /**
     * Reads the shared fields of {@code spec}; the caller reads its kind's own fields and rejects unknown ones. The
     * cluster, task definition, subnets, security groups and topic are added to {@code named}, with their places.
     */
    Optional<TaskSpec> map(MappingReader spec, List<NamedValue> named) {
        int mark = spec.problems().mark();
        Optional<String> cluster = spec.requiredText("cluster")
                .filter(value -> spec.accept("cluster", AwsNames.clusterProblem(value)))
                .filter(value -> spec.accept("cluster", allowListProblem(value)));
        cluster.ifPresent(value -> named.add(spec.named(NamedValue.What.CLUSTER, "cluster", value)));
        Optional<String> taskDefinition = spec.requiredText("taskDefinition")
                .filter(value -> spec.accept("taskDefinition", AwsNames.taskDefinitionProblem(value)));
        taskDefinition.ifPresent(value -> named.add(spec.named(NamedValue.What.TASK_DEFINITION, "taskDefinition",
                value)));
        Optional<String> launchType = spec.text("launchType").filter(value -> spec.accept("launchType",
                "FARGATE".equals(value) ? Optional.empty() : Optional.of("must be FARGATE (for FARGATE_SPOT use"
                        + " capacityProviderStrategy), not " + spec.at("launchType").describe())));
        List<CapacityProviderItem> strategy = capacityProviders(spec);
        if (spec.value("launchType").isPresent() && spec.value("capacityProviderStrategy").isPresent()) {
            spec.error("capacityProviderStrategy", "cannot be combined with launchType; give one of them");
        }
        Optional<String> platformVersion = spec.text("platformVersion").filter(value -> spec.accept("platformVersion",
                PLATFORM_VERSION.matcher(value).matches() ? Optional.empty() : Optional.of(
                        "must be LATEST or a version such as 1.4.0, not " + spec.at("platformVersion").describe())));
        Optional<Network> network = spec.requiredMapping("network").flatMap(reader -> NetworkMapper.map(reader, named));
        Overrides overrides = spec.mapping("overrides").flatMap(OverridesMapper::map).orElse(Overrides.NONE);
        Map<String, String> tags = spec.mapping("tags").flatMap(TagsMapper::map).orElse(Map.of());
        PropagateTags propagateTags = spec.choice("propagateTags", PropagateTags.class).orElse(PropagateTags.NONE);
        boolean enableExecuteCommand = spec.bool("enableExecuteCommand").orElse(false);
        BackoffPolicy backoff = spec.mapping("backoff").flatMap(PolicyMapper::backoff).orElse(BackoffPolicy.DEFAULT);
        Notifications notifications = spec.mapping("notifications")
                .flatMap(reader -> PolicyMapper.notifications(reader, named)).orElse(Notifications.DEFAULT);
        if (!spec.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new TaskSpec(cluster.orElseThrow(), taskDefinition.orElseThrow(), launchType.orElse(null),
                strategy, platformVersion.orElse(null), network.orElseThrow(), overrides, tags, propagateTags,
                enableExecuteCommand, backoff, notifications));
    }

    private Optional<String> allowListProblem(String cluster) {
        if (allowedClusters.allows(cluster)) {
            return Optional.empty();
        }
        return Optional.of("cluster " + cluster + " is not in reconciler.desired-state.allowed-clusters ("
                + allowedClusters.describe() + "); use one of those or ask the operators to allow it");
    }

    private static List<CapacityProviderItem> capacityProviders(MappingReader spec) {
        List<CapacityProviderItem> strategy = new ArrayList<>();
        spec.mappings("capacityProviderStrategy").ifPresent(items -> {
            if (items.isEmpty()) {
                spec.error("capacityProviderStrategy", "must list at least one capacity provider, or be left out");
            }
            items.forEach(item -> capacityProvider(item, strategy).ifPresent(strategy::add));
            if (!strategy.isEmpty() && strategy.stream().allMatch(provider -> provider.weight() == 0)) {
                spec.error("capacityProviderStrategy", "at least one capacity provider needs a weight above 0");
            }
        });
        return strategy;
    }

    private static Optional<CapacityProviderItem> capacityProvider(MappingReader item, List<CapacityProviderItem> before) {
        int mark = item.problems().mark();
        Optional<String> provider = item.requiredText("capacityProvider").filter(name -> item.accept("capacityProvider",
                !FARGATE_PROVIDERS.contains(name) ? Optional.of("must be FARGATE or FARGATE_SPOT, not "
                        + item.at("capacityProvider").describe())
                        : before.stream().anyMatch(other -> other.capacityProvider().equals(name))
                        ? Optional.of(name + " is listed twice") : Optional.empty()));
        int weight = PolicyMapper.notNegative(item, "weight").orElse(1);
        if (weight > 1000) {
            item.error("weight", "must be at most 1000, not " + weight);
        }
        int base = PolicyMapper.notNegative(item, "base").orElse(0);
        if (base > 100000) {
            item.error("base", "must be at most 100000, not " + base);
        } else if (base > 0 && before.stream().anyMatch(other -> other.base() > 0)) {
            item.error("base", "only one capacity provider may have a base above 0");
        }
        item.rejectUnknownFields();
        if (!item.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new CapacityProviderItem(provider.orElseThrow(), weight, base));
    }
}
