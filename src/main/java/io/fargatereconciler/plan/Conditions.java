package io.fargatereconciler.plan;

import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import io.fargatereconciler.plan.subnet.SubnetStanding;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Derives a group's Available, Progressing and Degraded conditions from its counts, backoff and subnet steering.
 * Degraded is True while copies are missing after failed starts (reason: the last failure's, e.g.
 * EniProvisioningFailed, or EniProvisioningStalled for a copy stopped because it stalled in PROVISIONING), and also
 * while launches avoid a subnet that is out of free IPs (SubnetIpExhausted) or has an ENI failure streak
 * (EniProvisioningFailed or EniProvisioningStalled while copies are missing, SubnetUnhealthy once every copy runs).
 */
final class Conditions {
    /** Degraded reason while every copy runs but launches steer around a subnet with a failure streak. */
    static final String SUBNET_UNHEALTHY = "SubnetUnhealthy";
    private static final String HELD = "Held";
    /** Progressing reason while {@code spec.paused} is true. */
    static final String PAUSED = "Paused";

    private Conditions() {
    }

    static List<Condition> notObserved(String cluster) {
        String message = "cluster " + cluster + " has not been observed yet; nothing is planned for the group";
        return List.of(
                new Condition(Condition.Type.Available, Condition.Status.Unknown, "NotObserved", message),
                new Condition(Condition.Type.Progressing, Condition.Status.Unknown, "NotObserved", message),
                new Condition(Condition.Type.Degraded, Condition.Status.Unknown, "NotObserved", message));
    }

    /** Why launches were held back this pass, and until when (null: until something else changes). */
    record Held(Hold hold, Instant until) {
        /** A hold the group's Progressing condition names; a rollout's surge limit is its RollingUpdate pace. */
        boolean holdsBack() {
            return hold.holdsBack();
        }
    }

    static List<Condition> of(TaskGroup group, CopyCounts copies, Backoff backoff, SubnetChoice subnets, Held held,
                              Instant now) {
        Condition progressing = group.paused()
                ? new Condition(Condition.Type.Progressing, Condition.Status.False, PAUSED, "spec.paused is true:"
                        + " nothing is launched or stopped for the group (" + copies.running() + " of "
                        + copies.desired() + " copies running, " + (copies.live() - copies.upToDate())
                        + " outdated); set paused: false to resume")
                : progressing(copies, held);
        return List.of(available(group, copies), progressing, degraded(copies, backoff, subnets, now));
    }

    private static Condition available(TaskGroup group, CopyCounts copies) {
        int needed = Math.max(0, copies.desired() - group.rollout().maxUnavailable());
        String message = copies.running() + " of " + copies.desired() + " copies running";
        return copies.running() >= needed
                ? new Condition(Condition.Type.Available, Condition.Status.True, "MinimumCopiesRunning", message)
                : new Condition(Condition.Type.Available, Condition.Status.False, "CopiesMissing",
                        message + ", at least " + needed + " needed");
    }

    private static Condition progressing(CopyCounts copies, Held held) {
        int outdated = copies.live() - copies.upToDate();
        String reason;
        if (held.holdsBack()) {
            reason = heldReason(held.hold());
        } else if (outdated > 0) {
            reason = "RollingUpdate";
        } else if (copies.live() > copies.desired()) {
            reason = "ScalingDown";
        } else if (copies.live() < copies.desired()) {
            reason = "ScalingUp";
        } else if (copies.pending() > 0 || copies.stopping() > 0) {
            reason = "WaitingForCopies";
        } else {
            return new Condition(Condition.Type.Progressing, Condition.Status.False, "Settled",
                    "all " + copies.desired() + " copies are up to date and running");
        }
        String message = copies.upToDate() + " of " + copies.desired() + " copies up to date, " + copies.running()
                + " running, " + copies.pending() + " pending, " + outdated + " outdated, " + copies.stopping()
                + " stopping";
        if (reason.startsWith(HELD)) {
            message = "launches held " + (held.until() == null ? "" : "until " + held.until() + " ")
                    + "(" + held.hold() + "): " + why(held.hold()) + "; " + message;
        }
        return new Condition(Condition.Type.Progressing, Condition.Status.True, reason, message);
    }

    /** {@code HeldAfterRestart}, {@code HeldBackoff}, ...: the Progressing reason while a hold holds launches back. */
    static String heldReason(Hold hold) {
        StringBuilder name = new StringBuilder(HELD);
        for (String word : hold.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static String why(Hold hold) {
        return switch (hold) {
            case AFTER_RESTART -> "this leader does not know what an earlier one launched for the group (no launch"
                    + " intents recorded) and waits until ListTasks shows copies launched just before it took over";
            case PAUSED -> "ECS throttled or failed a call, the whole loop pauses";
            case BACKOFF -> "starts failed, the group waits out its backoff";
            case SLOW_START -> "recovering from failed starts, only a slow-start batch may be starting at once";
            case SURGE_LIMIT -> "rolling update, no room above desired (maxSurge) until outdated copies stop";
            case BUDGET -> "the shared RunTask budget is spent for now";
            case SPEC_PAUSED -> "spec.paused is true, nothing is launched or stopped for the group";
            case PROBE -> "no subnet of the group has a recent successful start; a probe batch is starting and the rest"
                    + " follows once a probe leaves PROVISIONING";
            case NONE, NOT_OBSERVED -> "";
        };
    }

    private static Condition degraded(CopyCounts copies, Backoff backoff, SubnetChoice subnets, Instant now) {
        boolean missing = backoff.failures() > 0 && copies.running() < copies.desired();
        if (!missing && !subnets.troubled().isEmpty()) {
            boolean noIps = subnets.troubled().stream().anyMatch(s -> s.why() == SubnetStanding.Trouble.NO_FREE_IPS
                    || s.why() == SubnetStanding.Trouble.IP_EXHAUSTION_FAILURES);
            boolean stalls = subnets.troubled().stream()
                    .anyMatch(s -> s.why() == SubnetStanding.Trouble.ENI_PROVISIONING_STALLS);
            String reason = noIps ? FailureReason.SubnetIpExhausted.name()
                    : copies.running() >= copies.desired() ? SUBNET_UNHEALTHY
                    : stalls ? FailureReason.EniProvisioningStalled.name() : FailureReason.EniProvisioningFailed.name();
            String message = copies.running() + " of " + copies.desired() + " copies running; " + steering(subnets);
            return new Condition(Condition.Type.Degraded, Condition.Status.True, reason, message);
        }
        if (backoff.failures() == 0) {
            return new Condition(Condition.Type.Degraded, Condition.Status.False, "NoRecentFailures",
                    "no failed starts since the group last ran steadily");
        }
        if (!missing) {
            return new Condition(Condition.Type.Degraded, Condition.Status.False, "AllCopiesRunning",
                    "all copies running after " + backoff.failures() + " failed starts");
        }
        Failure last = backoff.lastFailure();
        StringBuilder message = new StringBuilder()
                .append(copies.desired() - copies.running()).append(" of ").append(copies.desired())
                .append(" copies not running after ").append(backoff.failures()).append(" failed starts; last at ")
                .append(last.at()).append(": ").append(last.message());
        if (last.subnetId() != null) {
            message.append(" (subnet ").append(last.subnetId()).append(')');
        }
        message.append(backoff.holds(now) ? "; next launch at " + backoff.retryAt() : "; launching again");
        if (!subnets.unhealthy().isEmpty()) {
            message.append("; ").append(steering(subnets));
        }
        return new Condition(Condition.Type.Degraded, Condition.Status.True, last.reason().name(), message.toString());
    }

    /** What subnet steering does about the group's unhealthy subnets, and where to read on. */
    private static String steering(SubnetChoice subnets) {
        String unhealthy = subnets.unhealthy().stream().map(SubnetStanding::describe)
                .collect(Collectors.joining("; "));
        if (subnets.allBad()) {
            return "every subnet of the group is failing (" + unhealthy + "); launching at the backoff rate into "
                    + "the least bad one, " + subnets.subnets().get(0) + ". See docs/runbook-eni.md";
        }
        return "launches go to " + String.join(", ", subnets.subnets()) + " and avoid " + unhealthy
                + ". See docs/runbook-eni.md";
    }
}
