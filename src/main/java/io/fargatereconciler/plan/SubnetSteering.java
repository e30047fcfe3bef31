package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import java.util.List;
import java.util.Map;

/**
 * Chooses the subnets a launch of a group goes to, in order of preference. Subnet health (failure scores, free IPs)
 * plugs in here: {@link io.fargatereconciler.plan.subnet.HealthSteering}. It must be a pure function of its inputs
 * and of the snapshot it was made from, as the planner is. It must return a non-empty subset of the spec's subnets;
 * anything else is ignored and the spec's subnets are used as given.
 */
@FunctionalInterface
public interface SubnetSteering {
    /** The spec's subnets, in the order they are written: no steering. */
    SubnetSteering AS_GIVEN = (group, task) -> task.network().subnets();

    List<String> subnetsFor(ResourceKey group, TaskSpec task);

    /**
     * The subnets for the group's next launch with the reasons behind them; {@code liveCopiesBySubnet} counts the
     * group's live copies per subnet, so copies can be spread. By default: {@link #subnetsFor}, nothing unhealthy.
     */
    default SubnetChoice choose(ResourceKey group, TaskSpec task, Map<String, Integer> liveCopiesBySubnet) {
        return SubnetChoice.asGiven(subnetsFor(group, task));
    }
}
