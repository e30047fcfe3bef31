package io.fargatereconciler.plan;

import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Plans one TaskGroup against its observed copies: settles expectations, accounts for stopped copies, resets or
 * advances backoff, then asks {@link RollingUpdate} what to launch and stop and holds launches back for backoff
 * and slow start. The shared launch budget and the per-pass stop bound are applied afterwards by {@link Planner}.
 */
final class GroupPlanner {
    private final PlannerConfig config;
    private final SubnetSteering steering;

    GroupPlanner(PlannerConfig config, SubnetSteering steering) {
        this.config = config;
        this.steering = steering;
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
     * made before then are known (no restart guard for them), and the subnet steering for this pass (null: the
     * planner's own).
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
        StopAccounting stops = StopAccounting.of(key, ours, spec, memory.knownStopped(), policy.resetAfter(),
                config.rememberStoppedTasksFor(), now);
        SubnetChoice subnets = subnets(group, ours, pass.steering() != null ? pass.steering() : steering);
        SlowStart slowStart;
        if (stops.failedOnlyWhereSteeringNoLongerLaunches(subnets)) {
            backoff = backoff.afterSteeredAroundFailure(stops.latest(), spec);
            slowStart = memory.slowStart().afterObservation(copies.pending(), false);
        } else if (stops.latest() != null) {
            backoff = backoff.afterFailure(stops.latest(), spec, policy, pass.seed(), key, now);
            slowStart = SlowStart.afterFailure(config.slowStartInitialBatch());
        } else if (backoff.failures() == 0) {
            slowStart = SlowStart.OFF;
        } else {
            slowStart = memory.slowStart().afterObservation(copies.pending(), false);
        }

        RollingUpdate.Step step = RollingUpdate.next(key, group.replicas(), group.rollout(), copies, spec);
        int missing = Math.max(0, group.replicas() - copies.currentLive());
        int launch = step.launch();
        Hold hold = Hold.NONE;
        Instant restartHold = pass.launchesKnown().contains(key) ? null
                : RestartGuard.holdUntil(ours, pass.startedAt(), observedAt, config.expectationTimeout());
        List<Stop> stopsToMake = step.stops();
        if (group.paused()) {
            hold = launch > 0 || missing > 0 || !stopsToMake.isEmpty() ? Hold.SPEC_PAUSED : Hold.NONE;
            launch = 0;
            stopsToMake = List.of();
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
        int calls = (launch + Launch.MAX_COUNT_PER_CALL - 1) / Launch.MAX_COUNT_PER_CALL;
        ClientTokens.Planned tokens = new ClientTokens.Planned(memory.tokens(), key, spec,
                calls == 0 ? List.of() : liveArns(ours), calls);

        Instant nextLookAt = earliest(hold == Hold.BACKOFF ? backoff.retryAt() : null,
                hold == Hold.AFTER_RESTART ? restartHold : null,
                expectations.nextExpiry(config.expectationTimeout()));
        GroupMemory next = new GroupMemory(expectations, backoff, slowStart, memory.tokens(), stops.knownStopped(),
                memory.lastLaunchAt());
        Instant holdUntil = hold == Hold.AFTER_RESTART ? restartHold : hold == Hold.BACKOFF ? backoff.retryAt() : null;
        return new Proposal(group, missing, launch, tokens, subnets, launchReason(group, copies, spec),
                stopsToMake, hold, holdUntil, CopyCounts.of(group.replicas(), copies), backoff, nextLookAt,
                stops.stopped(), next);
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
