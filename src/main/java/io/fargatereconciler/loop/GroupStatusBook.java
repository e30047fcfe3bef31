package io.fargatereconciler.loop;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.StoppedCopy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read model behind the status API and the per-group metrics: the planner's status of every TaskGroup after
 * the last pass, with bounded lists of recent events and errors. The reconcile loop writes it; readers on other
 * threads get immutable {@link GroupReport} copies.
 */
public final class GroupStatusBook {
    private static final int MAX_ERRORS = 5;

    private final int maxEvents;
    private final Map<ResourceKey, GroupRecord> groups = new TreeMap<>();

    public GroupStatusBook(int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("reconciler.status.recent-events must be at least 1");
        }
        this.maxEvents = maxEvents;
    }

    /**
     * Takes a pass's outcome: the statuses of the desired groups whose cluster was observed (others keep their
     * last one; groups no longer desired are forgotten) and an event for every copy seen STOPPED for the first time.
     */
    public synchronized void planned(DesiredState desired, ObservedState observed, Map<ResourceKey, GroupStatus> statuses,
                                     List<StoppedCopy> stoppedCopies) {
        Map<ResourceKey, GroupRecord> kept = new TreeMap<>();
        for (TaskGroup group : desired.taskGroups()) {
            GroupStatus status = statuses.get(group.key());
            if (status == null) {
                continue;
            }
            GroupRecord record = groups.get(group.key());
            var cluster = observed.cluster(group.task().cluster());
            if (record == null || record.status == null || cluster.isPresent()) {
                // A group whose cluster this pass did not observe keeps its last observed status.
                record = record == null ? new GroupRecord() : record;
                record.status = status;
                record.cluster = group.task().cluster();
                record.observedAt = cluster.map(c -> c.observedAt()).orElse(record.observedAt);
            }
            kept.put(group.key(), record);
        }
        groups.clear();
        groups.putAll(kept);
        for (StoppedCopy copy : stoppedCopies) {
            Instant at = copy.stoppedAt() == null ? Instant.EPOCH : copy.stoppedAt();
            String type = copy.failure() != null ? "Failed" : "Stopped";
            String reason = (copy.failure() != null ? copy.failure().name() : String.valueOf(copy.cause()))
                    + (copy.stoppedReason() == null ? "" : ": " + copy.stoppedReason())
                    + (copy.subnetId() == null ? "" : " (subnet " + copy.subnetId() + ")");
            event(copy.group(), new GroupEvent(at, type, reason, copy.taskArn()));
        }
    }

    public synchronized void event(ResourceKey group, GroupEvent event) {
        GroupRecord record = groups.computeIfAbsent(group, key -> new GroupRecord());
        record.events.addLast(event);
        while (record.events.size() > maxEvents) {
            record.events.removeFirst();
        }
    }

    /** An error worth showing on the group: a failed call or observation, with when it happened. */
    public synchronized void error(ResourceKey group, String message, Instant at) {
        GroupRecord record = groups.computeIfAbsent(group, key -> new GroupRecord());
        record.errors.addLast(at + " " + message);
        while (record.errors.size() > MAX_ERRORS) {
            record.errors.removeFirst();
        }
    }

    public synchronized List<GroupReport> all() {
        List<GroupReport> all = new ArrayList<>();
        groups.values().stream().filter(record -> record.status != null).forEach(record -> all.add(record.report()));
        return all;
    }

    public synchronized Optional<GroupReport> get(ResourceKey group) {
        return Optional.ofNullable(groups.get(group)).filter(record -> record.status != null).map(GroupRecord::report);
    }

    /** Mutable state of one group, guarded by the book's lock; {@code status} is null until its first pass ends. */
    private static final class GroupRecord {
        final Deque<GroupEvent> events = new ArrayDeque<>();
        final Deque<String> errors = new ArrayDeque<>();
        GroupStatus status;
        String cluster;
        Instant observedAt;

        GroupReport report() {
            return new GroupReport(status, cluster, List.copyOf(events), List.copyOf(errors), observedAt);
        }
    }
}
