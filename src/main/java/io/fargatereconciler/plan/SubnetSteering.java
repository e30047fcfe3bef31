package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.plan.subnet.Stall;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What subnet health says for one pass: which subnets a launch of a group goes to, in order of preference, which of
 * our tasks are stalled in PROVISIONING, and how many probe tasks a subnet without a recent successful start may
 * take. Subnet health plugs in here: {@link io.fargatereconciler.plan.subnet.HealthSteering}. It must be a pure
 * function of its inputs and of the snapshot it was made from, as the planner is. {@link #choose} must return a
 * non-empty subset of the spec's subnets; anything else is ignored and the spec's subnets are used as given.
 */
@FunctionalInterface
public interface SubnetSteering {
    /** The spec's subnets, in the order they are written: no steering, no stall detection, no probes. */
    SubnetSteering AS_GIVEN = (group, task) -> task.network().subnets();

    List<String> subnetsFor(ResourceKey group, TaskSpec task);

    /**
     * The subnets for the group's next launch with the reasons behind them; {@code liveCopiesBySubnet} counts the
     * group's live copies per subnet, so copies can be spread. By default: {@link #subnetsFor}, nothing unhealthy.
     */
    default SubnetChoice choose(ResourceKey group, TaskSpec task, Map<String, Integer> liveCopiesBySubnet) {
        return SubnetChoice.asGiven(subnetsFor(group, task));
    }

    /** The task's stall, when it has stayed in PROVISIONING past its subnet's threshold; by default none. */
    default Optional<Stall> stall(String taskArn) {
        return Optional.empty();
    }

    /** When the task, still starting within its threshold, would count as stalled; empty when not judged. */
    default Optional<Instant> stallAt(String taskArn) {
        return Optional.empty();
    }

    /** How many more tasks may be started into {@code subnetId} as probes now (0 when it is not probed). */
    default int probeRoom(String subnetId) {
        return 0;
    }

    /** How soon to look again while a group waits for a probe to leave PROVISIONING. */
    default Duration probeCheckInterval() {
        return Duration.ofSeconds(5);
    }
}
