package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the status API shows for one group after a pass.
 *
 * @param group        the group
 * @param copies       desired, running, pending, up-to-date and stopping counts
 * @param failures     failed starts the backoff counts since the last reset (0 when healthy); a failure in a subnet
 *                     that steering has since left out costs no wait and is not counted (the subnets' own failure
 *                     scores are in {@code subnets})
 * @param lastFailure  the latest of them, null when none
 * @param backoffUntil when the group may launch again, null when it is not in backoff
 * @param hold         why it launched fewer copies than it misses, {@link Hold#NONE} when nothing held it back
 * @param nextLookAt   when the group next needs a pass (a backoff, budget or pause ending, an expectation
 *                     expiring); null when only a change (event or resync) needs one
 * @param conditions   Available, Progressing and Degraded, in that order
 * @param subnets      where the group's next launch goes and which of its subnets are unhealthy (subnet steering);
 *                     the spec's subnets as given when nothing is known
 */
public record GroupStatus(ResourceKey group, CopyCounts copies, int failures, Failure lastFailure,
                          Instant backoffUntil, Hold hold, Instant nextLookAt, List<Condition> conditions,
                          SubnetChoice subnets) {
    public GroupStatus {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(copies, "copies");
        Objects.requireNonNull(hold, "hold");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(subnets, "subnets");
    }

    public boolean inBackoff() {
        return backoffUntil != null;
    }

    public Condition condition(Condition.Type type) {
        return conditions.stream().filter(c -> c.type() == type).findFirst().orElseThrow();
    }
}
