package io.fargatereconciler.plan;

import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Plans one TaskGroup against its observed copies: settles expectations, accounts for stopped copies, resets or
 * advances backoff, stops copies stalled in PROVISIONING (a copy that never ran: it is replaced once ECS accepted the
 * stop), then asks {@link RollingUpdate} what to launch and stop and holds launches back for backoff and slow start.
 * The shared launch budget, probe batches and the per-pass stop bound are applied afterwards by {@link Planner}.
 */
final class GroupPlanner {
    /** After our StopTask, the group is looked at again this soon, so a stopped copy is replaced without delay. */
    static final Duration LOOK_AFTER_STOP = Duration.ofSeconds(1);

    private final PlannerConfig config;

    GroupPlanner(PlannerConfig config) {
        this.config = config;
    }

    /** What one group would do this pass, before budgets. */
    record Proposal(TaskGroup group, int missing, int launch, ClientTokens.Planned tokens, SubnetChoice steering,
                    String launchReason, List<Stop> stops, Hold hold, Instant holdUntil, CopyCounts counts,
                    Backoff backoff, Instant nextLookAt, List<StoppedCopy> stopped, GroupMemory memory) {
        List<String> subnets() {
            return steering.subnets();
        }
    }

    /**
     * The pass being planned: its time, the memory's jitter seed, when the memory began, the groups whose launches
     * made before then are known (no restart guard for them), and the subnet steering for this pass.
     */
    record Pass(Instant now, long seed, Instant startedAt, Set<ResourceKey> launchesKnown, SubnetSteering steering) {
    }

    Proposal propose(TaskGroup group, List<ObservedTask> ours, Instant observedAt, GroupMemory memory, Pass pass) {
        Instant now = pass.now();
        ResourceKey key = group.key();
        String spec = group.task().specHash();
        BackoffPolicy policy = group.task().backoff();
        Expectations expectations = memory.expectations().afterObservation(ours, observedAt,
                config.expectationTimeout());
        GroupCopies copies = GroupCopies.of(ours, spec, expectations);

        Backoff backoff = memory.backoff().resetIfSteady(spec, copies.oldestRunningSince(), now, policy.resetAfter());
        StopAccounting accounting = StopAccounting.of(key, ours, spec, memory.knownStopped(), policy.resetAfter(),
                config.rememberStoppedTasksFor(), now);
        SubnetChoice subnets = subnets(group, ours, pass.steering());
        SlowStart slowStart;
        if (accounting.failedOnlyWhereSteeringNoLongerLaunches(subnets)) {
            backoff = backoff.afterSteeredAroundFailure(accounting.latest(), spec);
            slowStart = memory.slowStart().afterObservation(copies.pending(), false);
        } else if (accounting.latest() != null) {
            backoff = backoff.afterFailure(accounting.latest(), spec, policy, pass.seed(), key, now);
            slowStart = SlowStart.afterFailure(config.slowStartInitialBatch());
        } else if (backoff.failures() == 0) {
            slowStart = SlowStart.OFF;
        } else {
            slowStart = memory.slowStart().afterObservation(copies.pending(), false);
        }

        RollingUpdate.Step step = RollingUpdate.next(key, group.replicas(), group.rollout(), copies, spec);
        List<Stop> stops = stallStops(key, copies, pass.steering(), step.stops());
        int missing = Math.max(0, group.replicas() - copies.currentLive());
        int launch = step.launch();
        Hold hold = Hold.NONE;
        Instant restartHold = pass.launchesKnown().contains(key) ? null
                : RestartGuard.holdUntil(ours, pass.startedAt(), observedAt, config.expectationTimeout());
        if (group.paused()) {
            hold = launch > 0 || missing > 0 || !stops.isEmpty() ? Hold.SPEC_PAUSED : Hold.NONE;
            launch = 0;
            stops = List.of();
        } else if (launch > 0 && restartHold != null) {
            launch = 0;
            hold = Hold.AFTER_RESTART;
        } else if (missing > 0 && backoff.holds(now)) {
            launch = 0;
            hold = Hold.BACKOFF;
        } else if (slowStart.allowance(copies.pending()) < launch) {
            launch = slowStart.allowance(copies.pending());
            hold = Hold.SLOW_START;
        } else if (launch < missing) {
            hold = Hold.SURGE_LIMIT;
        }
        // one more call per probed subnet: a probe batch goes to its subnet alone
        int calls = (launch + Launch.MAX_COUNT_PER_CALL - 1) / Launch.MAX_COUNT_PER_CALL
                + (launch == 0 ? 0 : subnets.probing().size());
        ClientTokens.Planned tokens = new ClientTokens.Planned(memory.tokens(), key, spec,
                calls == 0 ? List.of() : liveArns(ours), calls);

        Instant nextLookAt = earliest(hold == Hold.BACKOFF ? backoff.retryAt() : null,
                hold == Hold.AFTER_RESTART ? restartHold : null,
                expectations.nextExpiry(config.expectationTimeout()),
                lookAfterOwnStop(expectations, observedAt), stallAt(copies, pass.steering()));
        GroupMemory next = new GroupMemory(expectations, backoff, slowStart, memory.tokens(), accounting.knownStopped(),
                memory.lastLaunchAt());
        Instant holdUntil = hold == Hold.AFTER_RESTART ? restartHold : hold == Hold.BACKOFF ? backoff.retryAt() : null;
        return new Proposal(group, missing, launch, tokens, subnets, launchReason(group, copies, spec),
                stops, hold, holdUntil, CopyCounts.of(group.replicas(), copies), backoff, nextLookAt,
                accounting.stopped(), next);
    }

    /**
     * Copies of the current spec stalled in PROVISIONING are stopped first (each one's reason names the stall and the
     * threshold), then what the rolling update asks, without stopping a copy twice. The stalled copy still counts as
     * live in this pass: it is replaced only once ECS accepted the stop (never above desired), and it was not
     * running, so the group is never below what it had without the stop.
     */
    private static List<Stop> stallStops(ResourceKey key, GroupCopies copies, SubnetSteering steering,
                                         List<Stop> rolling) {
        List<Stop> stops = new ArrayList<>();
        for (ObservedTask task : copies.current()) {
            if (task.isProvisioning()) {
                steering.stall(task.taskArn()).ifPresent(stall ->
                        stops.add(new Stop(key, task.cluster(), task.taskArn(), stall.stopReason())));
            }
        }
        if (stops.isEmpty()) {
            return rolling;
        }
        Set<String> stalled = new HashSet<>();
        stops.forEach(stop -> stalled.add(stop.taskArn()));
        rolling.stream().filter(stop -> !stalled.contains(stop.taskArn())).forEach(stops::add);
        return stops;
    }

    /** A second after a StopTask made since the observation: the next pass replaces the copy it stopped. */
    private static Instant lookAfterOwnStop(Expectations expectations, Instant observedAt) {
        return expectations.stops().values().stream().filter(at -> !at.isBefore(observedAt)).min(Instant::compareTo)
                .map(at -> at.plus(LOOK_AFTER_STOP)).orElse(null);
    }

    /** When the first copy still starting would count as stalled: the next look then stops it. */
    private static Instant stallAt(GroupCopies copies, SubnetSteering steering) {
        Instant first = null;
        for (ObservedTask task : copies.current()) {
            if (task.isProvisioning()) {
                first = earliest(first, steering.stallAt(task.taskArn()).orElse(null));
            }
        }
        return first;
    }

    private static SubnetChoice subnets(TaskGroup group, List<ObservedTask> ours, SubnetSteering steering) {
        List<String> given = group.task().network().subnets();
        Map<String, Integer> liveBySubnet = new TreeMap<>();
        for (ObservedTask task : ours) {
            if (task.isLive() && task.subnetId() != null) {
                liveBySubnet.merge(task.subnetId(), 1, Integer::sum);
            }
        }
        SubnetChoice chosen = steering.choose(group.key(), group.task(), liveBySubnet);
        boolean usable = chosen != null && !chosen.subnets().isEmpty() && given.containsAll(chosen.subnets());
        return usable ? chosen : SubnetChoice.asGiven(given);
    }

    private static List<String> liveArns(List<ObservedTask> ours) {
        List<String> arns = new ArrayList<>(ours.size());
        for (ObservedTask task : ours) {
            if (task.isLive()) {
                arns.add(task.taskArn());
            }
        }
        return arns;
    }

    private static String launchReason(TaskGroup group, GroupCopies copies, String spec) {
        if (copies.outdatedLive() > 0) {
            return "rolling update to spec " + spec + ": " + copies.currentLive() + " of " + group.replicas()
                    + " copies up to date";
        }
        return (group.replicas() - copies.currentLive()) + " of " + group.replicas() + " copies missing";
    }

    static Instant earliest(Instant... times) {
        return Stream.of(times).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }
}
