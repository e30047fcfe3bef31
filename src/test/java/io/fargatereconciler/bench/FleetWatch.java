package io.fargatereconciler.bench;

import io.fargatereconciler.engine.SimulatedAccount;
import io.fargatereconciler.sim.TaskSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches one strategy's copies in the simulator after every step: live copies per group (PROVISIONING..RUNNING with
 * desiredStatus RUNNING) against the group's replicas, for the peak overshoot; RUNNING copies over time, for the
 * chart; and when every group first had all its copies RUNNING.
 */
final class FleetWatch {
    private static final Set<String> LIVE = Set.of("PROVISIONING", "PENDING", "ACTIVATING", "RUNNING");

    /** RUNNING copies at one moment, {@code at} counted from the start of the scenario. */
    record Point(Duration at, int running) {
    }

    private final SimulatedAccount account;
    private final Workload workload;
    private final Strategy strategy;
    private final Instant start;
    private final Duration sampleEvery;
    private final List<Point> timeline = new ArrayList<>();
    private Instant nextPointAt;
    private int peakOvershoot;
    private int running;
    private Instant fullStrengthAt;

    FleetWatch(SimulatedAccount account, Workload workload, Strategy strategy, Duration sampleEvery) {
        this.account = account;
        this.workload = workload;
        this.strategy = strategy;
        this.start = account.clock.instant();
        this.sampleEvery = sampleEvery;
        this.nextPointAt = start;
    }

    void sample() {
        Map<String, Integer> live = new HashMap<>();
        Map<String, Integer> runningByGroup = new HashMap<>();
        for (TaskSnapshot task : account.admin().tasks()) {
            String group = strategy.groupOf(task);
            if (group == null || !"RUNNING".equals(task.desiredStatus()) || !LIVE.contains(task.lastStatus())) {
                continue;
            }
            live.merge(group, 1, Integer::sum);
            if ("RUNNING".equals(task.lastStatus())) {
                runningByGroup.merge(group, 1, Integer::sum);
            }
        }
        int overshoot = 0;
        boolean full = true;
        for (Workload.Group group : workload.groups()) {
            overshoot += Math.max(0, live.getOrDefault(group.name(), 0) - group.replicas());
            full &= runningByGroup.getOrDefault(group.name(), 0) >= group.replicas();
        }
        peakOvershoot = Math.max(peakOvershoot, overshoot);
        running = runningByGroup.values().stream().mapToInt(Integer::intValue).sum();
        Instant now = account.clock.instant();
        if (full && fullStrengthAt == null) {
            fullStrengthAt = now;
        }
        if (!now.isBefore(nextPointAt)) {
            timeline.add(new Point(Duration.between(start, now), running));
            nextPointAt = nextPointAt.plus(sampleEvery);
        }
    }

    int peakOvershoot() {
        return peakOvershoot;
    }

    int running() {
        return running;
    }

    /** Time from the start until every group first had all its copies RUNNING; null if that never happened. */
    Duration timeToFullStrength() {
        return fullStrengthAt == null ? null : Duration.between(start, fullStrengthAt);
    }

    List<Point> timeline() {
        return List.copyOf(timeline);
    }
}
