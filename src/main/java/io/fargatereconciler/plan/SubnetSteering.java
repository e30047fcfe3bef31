package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskSpec;
import java.util.List;

/**
 * Chooses the subnets a launch of a group goes to, in order of preference. This is where subnet health (issue 5:
 * failure scores, free IPs) plugs in; it must be a pure function of its inputs and of the snapshot it was made
 * from, as the planner is. It must return a non-empty subset of the spec's subnets; anything else is ignored and
 * the spec's subnets are used as given.
 */
@FunctionalInterface
public interface SubnetSteering {
    /** The spec's subnets, in the order they are written: no steering. */
    SubnetSteering AS_GIVEN = (group, task) -> task.network().subnets();

    List<String> subnetsFor(ResourceKey group, TaskSpec task);
}
