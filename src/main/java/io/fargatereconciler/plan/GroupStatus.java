package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import java.time.Duration;
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

    /** Why fewer copies were launched than are missing, in words (empty when nothing held launches back). */
    public String holdReason(Instant now) {
        String until = nextLookAt == null ? ""
                : " (next look in " + Math.max(0, Duration.between(now, nextLookAt).toSeconds()) + " s)";
        return switch (hold) {
            case NOT_OBSERVED -> "its cluster was not observed, nothing is planned blind";
            case AFTER_RESTART -> "copies were launched in the last minutes; a daemon that finds no launch intents"
                    + " recorded for the group waits until ListTasks has caught up" + until;
            case PAUSED -> "ECS throttled or failed; the loop pauses" + until;
            case BACKOFF -> "the group's starts failed; it waits out its backoff" + until;
            case SLOW_START -> "recovering from failures: one slow-start batch at a time";
            case PROBE -> "no subnet of the group has a recent successful start: a probe batch is starting in "
                    + String.join(", ", subnets.probing()) + ", the rest follows once a probe leaves PROVISIONING"
                    + until;
            case SURGE_LIMIT -> "rolling: no room above desired (maxSurge) until outdated copies stop";
            case BUDGET -> "the shared RunTask budget is spent for this pass; the rest follows" + until;
            case SPEC_PAUSED -> "spec.paused is true: nothing is launched or stopped until it is set to false";
            case NONE -> "";
        };
    }

    public Condition condition(Condition.Type type) {
        return conditions.stream().filter(c -> c.type() == type).findFirst().orElseThrow();
    }
}
