package io.fargatereconciler.plan.subnet;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.plan.SubnetSteering;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Steering by subnet health, made from one snapshot of the {@link SubnetHealthBook} at one instant (so a plan stays
 * a pure function of its inputs). See {@link SubnetRanking} for the order.
 */
public record HealthSteering(SubnetHealthBook book, Instant now) implements SubnetSteering {

    public HealthSteering {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(now, "now");
    }

    @Override
    public List<String> subnetsFor(ResourceKey group, TaskSpec task) {
        return choose(group, task, Map.of()).subnets();
    }

    @Override
    public SubnetChoice choose(ResourceKey group, TaskSpec task, Map<String, Integer> liveCopiesBySubnet) {
        return SubnetRanking.choose(task.network().subnets(), book, liveCopiesBySubnet, now);
    }
}
