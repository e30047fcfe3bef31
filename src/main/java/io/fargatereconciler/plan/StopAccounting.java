package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accounts for a group's STOPPED copies exactly once each, however many passes describe them, and decides which
 * count as failed starts: a copy of the current spec that stopped with a start-failure cause (ENI timeout, no
 * free IP, other resource initialization error, image pull, no capacity), or that stopped by itself before
 * running steadily for {@code resetAfter} (a crash loop must back off too). Copies stopped by a person, by us
 * or by the platform, and outdated copies, are reported but never count.
 *
 * @param stopped      copies seen STOPPED for the first time, oldest stop first
 * @param knownStopped the updated set of accounted-for copies (entries older than the retention dropped)
 * @param failures     the failures among {@code stopped}, oldest first; empty when none counted
 */
record StopAccounting(List<StoppedCopy> stopped, Map<String, Instant> knownStopped, List<Failure> failures) {

    private static final Comparator<ObservedTask> BY_STOP_TIME = Comparator
            .comparing(ObservedTask::stoppedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ObservedTask::taskArn);

    static StopAccounting of(ResourceKey group, List<ObservedTask> ours, String specHash, Map<String, Instant> known,
                             Duration resetAfter, Duration retention, Instant now) {
        Map<String, Instant> next = new TreeMap<>(known);
        next.values().removeIf(seen -> seen.plus(retention).isBefore(now));
        List<StoppedCopy> stopped = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (ObservedTask task : ours.stream().filter(ObservedTask::isStopped).sorted(BY_STOP_TIME).toList()) {
            if (next.putIfAbsent(task.taskArn(), now) != null) {
                continue;
            }
            FailureReason reason = failureReason(task, specHash, resetAfter, now);
            stopped.add(new StoppedCopy(group, task.cluster(), task.taskArn(), task.subnetId(), task.stopCause(),
                    task.stoppedReason(), task.stoppedAt(), reason));
            if (reason != null) {
                Instant at = task.stoppedAt() != null ? task.stoppedAt() : now;
                failures.add(new Failure(reason, task.stoppedReason(), at, task.taskArn(), task.subnetId()));
            }
        }
        return new StopAccounting(stopped, next, List.copyOf(failures));
    }

    /** The latest failure counted in this pass; null when none. */
    Failure latest() {
        return failures.isEmpty() ? null : failures.get(failures.size() - 1);
    }

    /**
     * True when at least one failure was counted and every one of them happened in a subnet that {@code choice}
     * keeps launches away from while it still has a healthy subnet to offer: the steering has already moved the
     * next launches away from where these copies failed.
     */
    boolean failedOnlyWhereSteeringNoLongerLaunches(SubnetChoice choice) {
        return !failures.isEmpty() && !choice.allBad() && failures.stream()
                .allMatch(failure -> failure.subnetId() != null && !choice.subnets().contains(failure.subnetId()));
    }

    private static FailureReason failureReason(ObservedTask task, String specHash, Duration resetAfter, Instant now) {
        if (!specHash.equals(task.specHash())) {
            return null;
        }
        StopCause cause = task.stopCause() == null ? StopCause.OTHER : task.stopCause();
        if (cause.isStartFailure()) {
            return FailureReason.of(cause);
        }
        if (cause != StopCause.ESSENTIAL_CONTAINER_EXITED && cause != StopCause.OTHER) {
            return null;
        }
        if (task.startedAt() == null) {
            return cause == StopCause.OTHER ? FailureReason.LaunchFailing : FailureReason.TaskExitedEarly;
        }
        Instant end = task.stoppedAt() != null ? task.stoppedAt() : now;
        return Duration.between(task.startedAt(), end).compareTo(resetAfter) < 0 ? FailureReason.TaskExitedEarly : null;
    }
}
