package io.fargatereconciler.loop;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedTask;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read model behind the status API and the per-group metrics: counts, conditions, recent events and errors
 * per TaskGroup. The reconcile loop writes it after each step; readers get immutable {@link GroupStatus} copies.
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

    /** Keeps exactly the given groups (new ones start empty, removed ones are forgotten) and their desired counts. */
    public synchronized void desired(Collection<TaskGroup> taskGroups) {
        Map<ResourceKey, GroupRecord> kept = new TreeMap<>();
        for (TaskGroup group : taskGroups) {
            GroupRecord record = groups.getOrDefault(group.key(), new GroupRecord(group.key(), maxEvents));
            record.cluster = group.task().cluster();
            record.desired = group.replicas();
            record.specHash = group.task().specHash();
            kept.put(group.key(), record);
        }
        groups.clear();
        groups.putAll(kept);
    }

    /** A fresh observation of the group's copies: live ones and those that newly stopped. */
    public synchronized void observed(ResourceKey group, List<ObservedTask> tasks, Instant now) {
        GroupRecord record = groups.get(group);
        if (record != null) {
            record.observe(tasks, now);
        }
    }

    public synchronized void event(ResourceKey group, GroupEvent event) {
        GroupRecord record = groups.get(group);
        if (record != null) {
            record.addEvent(event);
        }
    }

    /** A failed launch: counts toward Degraded with {@code reason} (a condition reason such as LaunchRejected). */
    public synchronized void launchFailed(ResourceKey group, String reason, String message, Instant now) {
        GroupRecord record = groups.get(group);
        if (record != null) {
            record.failed(reason, message, now);
        }
    }

    /** An error worth showing that says nothing against the group itself (throttling, ECS unavailable). */
    public synchronized void error(ResourceKey group, String message, Instant now) {
        GroupRecord record = groups.get(group);
        if (record != null) {
            record.addError(message, now);
        }
    }

    public synchronized void nextRetryAt(ResourceKey group, Instant when) {
        GroupRecord record = groups.get(group);
        if (record != null) {
            record.nextRetryAt = when;
        }
    }

    public synchronized List<GroupStatus> all(Instant now) {
        List<GroupStatus> all = new ArrayList<>();
        groups.values().forEach(record -> all.add(record.snapshot(now)));
        return all;
    }

    public synchronized Optional<GroupStatus> get(ResourceKey group, Instant now) {
        return Optional.ofNullable(groups.get(group)).map(record -> record.snapshot(now));
    }

    /** Mutable state of one group; guarded by the book's lock. */
    private static final class GroupRecord {
        final ResourceKey key;
        final int maxEvents;
        final Deque<GroupEvent> events = new ArrayDeque<>();
        final Deque<String> errors = new ArrayDeque<>();
        final GroupConditions conditions = new GroupConditions();
        String cluster;
        String specHash;
        int desired;
        int running;
        int pending;
        int outdated;
        Instant observedAt;
        Instant nextRetryAt;

        GroupRecord(ResourceKey key, int maxEvents) {
            this.key = key;
            this.maxEvents = maxEvents;
        }

        void observe(List<ObservedTask> tasks, Instant now) {
            running = 0;
            pending = 0;
            outdated = 0;
            for (ObservedTask task : tasks) {
                if (task.isLive()) {
                    if (task.isRunning()) {
                        running++;
                        conditions.runningSince(task.startedAt());
                    } else {
                        pending++;
                    }
                    if (!specHash.equals(task.specHash())) {
                        outdated++;
                    }
                } else if (task.isStopped()) {
                    recordStop(task, now);
                }
            }
            observedAt = now;
        }

        private void recordStop(ObservedTask task, Instant now) {
            Instant at = task.stoppedAt() == null ? now : task.stoppedAt();
            String reason = task.stopCause() + (task.stoppedReason() == null ? "" : ": " + task.stoppedReason());
            if (task.stopCause() != null && task.stopCause().isStartFailure()) {
                addEvent(new GroupEvent(at, "StartFailed", reason, task.taskArn()));
                failed(GroupConditions.reasonFor(task.stopCause()), reason, at);
            } else {
                addEvent(new GroupEvent(at, "Stopped", reason, task.taskArn()));
            }
        }

        void failed(String reason, String message, Instant at) {
            conditions.failed(reason, message, at);
            addError(message, at);
        }

        void addEvent(GroupEvent event) {
            events.addLast(event);
            while (events.size() > maxEvents) {
                events.removeFirst();
            }
        }

        void addError(String message, Instant at) {
            errors.addLast(at + " " + message);
            while (errors.size() > MAX_ERRORS) {
                errors.removeFirst();
            }
        }

        GroupStatus snapshot(Instant now) {
            Instant retry = nextRetryAt != null && nextRetryAt.isAfter(now) ? nextRetryAt : null;
            return new GroupStatus(key, cluster, desired, running, pending, outdated,
                    conditions.evaluate(desired, running, pending, outdated, now), List.copyOf(errors), retry,
                    List.copyOf(events), observedAt);
        }
    }
}
