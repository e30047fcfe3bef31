package io.fargatereconciler.plan;

import io.fargatereconciler.observe.ObservedTask;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A group's live copies as the planner counts them: what ECS lists as live, minus the copies we asked to stop,
 * plus the launches ECS does not list yet. Split into copies of the current spec and outdated ones.
 *
 * @param current          listed live copies of the current spec, in {@link #STOP_ORDER}
 * @param outdated         listed live copies of another spec, in {@link #STOP_ORDER}
 * @param currentInFlight  launched copies of the current spec not listed yet
 * @param outdatedInFlight launched copies of another spec not listed yet
 * @param stopping         listed live copies we asked to stop (counted as gone)
 */
record GroupCopies(List<ObservedTask> current, List<ObservedTask> outdated, int currentInFlight,
                   int outdatedInFlight, int stopping) {

    /** The order to stop copies in: least ready first (PROVISIONING before RUNNING), then newest, then by ARN. */
    static final Comparator<ObservedTask> STOP_ORDER = Comparator
            .comparing(ObservedTask::lastStatus)
            .thenComparing(ObservedTask::createdAt, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
            .thenComparing(ObservedTask::taskArn);

    GroupCopies {
        current = List.copyOf(current);
        outdated = List.copyOf(outdated);
    }

    /** Counts {@code ours} (the group's own tasks, any status) for spec {@code specHash}. */
    static GroupCopies of(List<ObservedTask> ours, String specHash, Expectations expectations) {
        List<ObservedTask> live = ours.stream().filter(ObservedTask::isLive).toList();
        List<ObservedTask> counted = live.stream().filter(t -> !expectations.isStopping(t.taskArn())).toList();
        int inFlightCurrent = expectations.launchesInFlight(specHash);
        return new GroupCopies(
                counted.stream().filter(t -> Objects.equals(t.specHash(), specHash)).sorted(STOP_ORDER).toList(),
                counted.stream().filter(t -> !Objects.equals(t.specHash(), specHash)).sorted(STOP_ORDER).toList(),
                inFlightCurrent,
                expectations.launchesInFlight() - inFlightCurrent,
                live.size() - counted.size());
    }

    int currentLive() {
        return current.size() + currentInFlight;
    }

    int outdatedLive() {
        return outdated.size() + outdatedInFlight;
    }

    int live() {
        return currentLive() + outdatedLive();
    }

    int running() {
        return (int) (current.stream().filter(ObservedTask::isRunning).count()
                + outdated.stream().filter(ObservedTask::isRunning).count());
    }

    /** Live copies not RUNNING yet, launches in flight included. */
    int pending() {
        return live() - running();
    }

    /** When the longest-running current copy started; null when none is RUNNING. */
    Instant oldestRunningSince() {
        return current.stream().filter(ObservedTask::isRunning).map(ObservedTask::startedAt)
                .filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }
}
