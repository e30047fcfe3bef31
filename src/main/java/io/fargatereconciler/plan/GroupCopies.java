package io.fargatereconciler.plan;

import io.fargatereconciler.observe.ObservedTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A group's live copies as the planner counts them: what ECS lists as live, minus the copies we asked to stop,
 * plus the launches ECS does not list yet. Split into copies of the current spec and outdated ones.
 *
 * @param current            listed live copies of the current spec, in observation order (sort by
 *                           {@link #STOP_ORDER} to choose which to stop)
 * @param outdated           listed live copies of another spec, in {@link #STOP_ORDER}
 * @param currentInFlight    launched copies of the current spec not listed yet
 * @param outdatedInFlight   launched copies of another spec not listed yet
 * @param stopping           listed live copies we asked to stop (counted as gone)
 * @param running            copies of {@code current} and {@code outdated} that are RUNNING
 * @param oldestRunningSince when the longest-running current copy started; null when none is RUNNING
 */
record GroupCopies(List<ObservedTask> current, List<ObservedTask> outdated, int currentInFlight,
                   int outdatedInFlight, int stopping, int running, Instant oldestRunningSince) {

    /** The order to stop copies in: least ready first (PROVISIONING before RUNNING), then newest, then by ARN. */
    static final Comparator<ObservedTask> STOP_ORDER = Comparator
            .comparing(ObservedTask::lastStatus)
            .thenComparing(ObservedTask::createdAt, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
            .thenComparing(ObservedTask::taskArn);

    GroupCopies {
        current = List.copyOf(current);
        outdated = List.copyOf(outdated);
    }

    /** Counts {@code ours} (the group's own tasks, any status) for spec {@code specHash}, in one pass over them. */
    static GroupCopies of(List<ObservedTask> ours, String specHash, Expectations expectations) {
        List<ObservedTask> current = new ArrayList<>(ours.size());
        List<ObservedTask> outdated = new ArrayList<>();
        int stopping = 0;
        int running = 0;
        Instant oldestRunningSince = null;
        for (ObservedTask task : ours) {
            if (!task.isLive()) {
                continue;
            }
            if (expectations.isStopping(task.taskArn())) {
                stopping++;
                continue;
            }
            boolean isCurrent = Objects.equals(task.specHash(), specHash);
            (isCurrent ? current : outdated).add(task);
            if (task.isRunning()) {
                running++;
                if (isCurrent && task.startedAt() != null
                        && (oldestRunningSince == null || task.startedAt().isBefore(oldestRunningSince))) {
                    oldestRunningSince = task.startedAt();
                }
            }
        }
        outdated.sort(STOP_ORDER);
        int inFlightCurrent = expectations.launchesInFlight(specHash);
        return new GroupCopies(current, outdated, inFlightCurrent, expectations.launchesInFlight() - inFlightCurrent,
                stopping, running, oldestRunningSince);
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

    /** Live copies not RUNNING yet, launches in flight included. */
    int pending() {
        return live() - running();
    }
}
