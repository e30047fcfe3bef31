package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.job.JobEvent;
import io.fargatereconciler.plan.job.JobStatus;
import io.fargatereconciler.plan.subnet.Stall;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outcome of one planning pass.
 *
 * @param actions       what to do, in order: Job launches, TaskGroup launches (shared fairly across groups), then
 *                      Job stops and TaskGroup stops
 * @param groups        the status of every TaskGroup in the desired state
 * @param stoppedCopies copies seen STOPPED for the first time (each reported once), for events and metrics
 * @param orphans       live copies of ours whose group is not in the desired state, by group: reported, and
 *                      stopped only with {@code reconciler.orphans.stop-after} once orphaned that long (see
 *                      {@link OrphanGroup#kept()})
 * @param requeueAt     the earliest time some group needs another pass; null when only a change needs one
 * @param memory        the memory for the next pass; fold the results of carried-out actions into it first
 * @param jobs          the status of every Job in the desired state
 * @param jobEvents     what happened to Jobs since the last plan (runs started, finished, missed; failed attempts),
 *                      each reported once, for the log, metrics and notifications
 * @param stalls        tasks of ours found stalled in PROVISIONING for the first time (each counted once against its
 *                      subnet), for the log and metrics; their stops are among the actions
 */
public record Plan(List<Action> actions, Map<ResourceKey, GroupStatus> groups, List<StoppedCopy> stoppedCopies,
                   Map<ResourceKey, OrphanGroup> orphans, Instant requeueAt, PlannerMemory memory,
                   Map<ResourceKey, JobStatus> jobs, List<JobEvent> jobEvents, List<Stall> stalls) {
    public Plan {
        actions = List.copyOf(actions);
        groups = Collections.unmodifiableMap(new TreeMap<>(groups));
        stoppedCopies = List.copyOf(stoppedCopies);
        orphans = Collections.unmodifiableMap(new TreeMap<>(orphans));
        Objects.requireNonNull(memory, "memory");
        jobs = Collections.unmodifiableMap(new TreeMap<>(jobs));
        jobEvents = List.copyOf(jobEvents);
        stalls = List.copyOf(stalls);
    }

    public List<Launch> launches() {
        return actions.stream().filter(Launch.class::isInstance).map(Launch.class::cast).toList();
    }

    public List<Stop> stops() {
        return actions.stream().filter(Stop.class::isInstance).map(Stop.class::cast).toList();
    }

    /** How long the loop may wait before the next pass, at the latest; empty when only a change needs one. */
    public Optional<Duration> requeueAfter(Instant now) {
        return Optional.ofNullable(requeueAt)
                .map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }
}
