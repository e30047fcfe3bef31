package io.fargatereconciler.plan;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds orphans (live copies of ours whose group is not declared) and, only when {@code reconciler.orphans.stop-after}
 * is set, stops them once they have been orphaned that long. Never while the desired state in force is incomplete (a
 * team held back, the latest read refused, a folder that vanished: then a group's absence is no proof it was
 * removed), never during a throttling pause, and at most the stops the pass has left under its bound.
 */
final class OrphanPlanning {
    /**
     * @param orphans every orphaned group known, by group
     * @param stops   the StopTask calls to make now
     * @param book    the orphan memory for the next pass
     * @param wakeAt  the earliest time an orphan becomes due to stop; null when none waits
     */
    record Result(Map<ResourceKey, OrphanGroup> orphans, List<Stop> stops, OrphanBook book, Instant wakeAt) {
    }

    private OrphanPlanning() {
    }

    static Result plan(DesiredState desired, ObservedState observed, Map<ResourceKey, List<ObservedTask>> ours,
                       OrphanBook book, PlannerConfig config, int stopsLeft, boolean paused, Instant now) {
        Map<ResourceKey, OrphanBook.Entry> entries = new TreeMap<>();
        ours.forEach((key, tasks) -> {
            List<OrphanTask> live = tasks.stream().filter(ObservedTask::isLive).map(OrphanPlanning::orphanTask).toList();
            if (desired.get(key).isEmpty() && !live.isEmpty()) {
                OrphanBook.Entry before = book.groups().get(key);
                List<OrphanTask> all = new ArrayList<>(live);
                if (before != null) {
                    before.tasks().stream().filter(task -> observed.cluster(task.cluster()).isEmpty()).forEach(all::add);
                }
                entries.put(key, new OrphanBook.Entry(before == null ? now : before.since(), all,
                        before == null ? Map.of() : before.stopsSent()));
            }
        });
        book.groups().forEach((key, entry) -> {
            List<OrphanTask> unobserved = entry.tasks().stream()
                    .filter(task -> observed.cluster(task.cluster()).isEmpty()).toList();
            if (!entries.containsKey(key) && desired.get(key).isEmpty() && !unobserved.isEmpty()) {
                // not looked at this pass: still what was seen last
                entries.put(key, new OrphanBook.Entry(entry.since(), unobserved, entry.stopsSent()));
            }
        });

        Map<ResourceKey, OrphanGroup> orphans = new TreeMap<>();
        List<Stop> stops = new ArrayList<>();
        Instant wakeAt = null;
        Duration stopAfter = config.orphanStopAfter();
        for (Map.Entry<ResourceKey, OrphanBook.Entry> group : entries.entrySet()) {
            OrphanBook.Entry entry = group.getValue();
            Instant stopAt = stopAfter == null ? null : entry.since().plus(stopAfter);
            String kept;
            if (stopAt == null) {
                kept = "reconciler.orphans.stop-after is not set: orphans are reported, never stopped";
            } else if (!desired.complete()) {
                kept = "the desired state in force is incomplete (a team is held back or the latest read was"
                        + " refused), so the group's absence may not be a removal; stops wait until it is complete";
            } else if (now.isBefore(stopAt)) {
                kept = "stopped at " + stopAt + " if still not declared";
                wakeAt = wakeAt == null || stopAt.isBefore(wakeAt) ? stopAt : wakeAt;
            } else if (paused) {
                kept = "ECS throttled or failed: the loop pauses before stopping them";
            } else {
                kept = null;
                for (OrphanTask task : entry.tasks()) {
                    if (observed.cluster(task.cluster()).isEmpty()
                            || entry.stopSentRecently(task.taskArn(), now, config.expectationTimeout())) {
                        continue;
                    }
                    if (stops.size() >= stopsLeft) {
                        kept = "the pass's stop bound (reconciler.planner.max-stops-per-pass) is reached; more next pass";
                        break;
                    }
                    stops.add(new Stop(group.getKey(), task.cluster(), task.taskArn(), "orphaned: " + group.getKey()
                            + " is not in the desired state since " + entry.since() + ", longer than"
                            + " reconciler.orphans.stop-after (" + stopAfter + ")"));
                }
            }
            orphans.put(group.getKey(), new OrphanGroup(group.getKey(), entry.tasks(), entry.since(), stopAt, kept));
        }
        return new Result(orphans, stops, new OrphanBook(entries), wakeAt);
    }

    private static OrphanTask orphanTask(ObservedTask task) {
        return new OrphanTask(task.taskArn(), task.cluster(), task.lastStatus().name(), task.startedAt(),
                task.subnetId());
    }
}
