package io.fargatereconciler.loop;

import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.leader.Leadership;
import io.fargatereconciler.loop.leader.NotLeaderException;
import io.fargatereconciler.loop.subnets.SubnetSteeringSteps;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.TaskObserver;
import io.fargatereconciler.plan.Expectations;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.Plan;
import io.fargatereconciler.plan.Planner;
import io.fargatereconciler.plan.PlannerMemory;
import io.fargatereconciler.plan.StoppedCopy;
import io.fargatereconciler.plan.subnet.Stall;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * One reconcile pass, as a chain of named steps: observe the clusters, plan, record, act, and fold every action's
 * result back into the planner's memory. Owns that memory (a new pass object is a daemon with a fresh memory, and
 * {@link #forget} starts it afresh when this replica becomes leader). A standby pass observes and plans (the status
 * API shows what the leader should be doing) but acts on nothing. Used by one thread at a time.
 */
final class ReconcilePass {
    private static final Logger LOG = Logger.getLogger(ReconcilePass.class);

    private final TaskObserver observer;
    private final Planner planner;
    private final GroupStatusBook status;
    private final PassRecorder recorder;
    private final InstantSource clock;
    private final LoopHealth health;
    private final ActionRunner actions;
    private final JobStatusBook jobs;
    private final JobEventReporter jobEvents;
    private volatile PlannerMemory memory;
    private final TaskGroupIndex taskGroups;
    private final Leadership leadership;
    private final SubnetSteeringSteps subnets;
    private final GroupNotifications groupNotifications;
    private Map<ResourceKey, Integer> lastOrphans = Map.of();

    ReconcilePass(ReconcilePassParts parts, Planner planner, PlannerMemory memory, InstantSource clock,
                  TaskGroupIndex taskGroups) {
        this.observer = parts.observer();
        this.planner = planner;
        this.status = parts.status();
        this.recorder = parts.recorder();
        this.clock = clock;
        this.health = parts.health();
        this.memory = memory;
        this.taskGroups = taskGroups;
        this.leadership = parts.leadership();
        this.subnets = parts.subnets();
        this.groupNotifications = parts.groupNotifications();
        this.actions = new ActionRunner(parts, clock);
        this.jobs = parts.jobs();
        this.jobEvents = parts.jobEvents();
    }

    /**
     * Drops everything remembered (expectations, backoff, budget, Jobs) for a fresh memory seeded with {@code seed}: a
     * new leader's start. What observations taught about subnets stays: a standby learns it as well as a leader.
     */
    void startNewTerm(long seed) {
        memory = memory.forNewTerm(seed);
    }

    /**
     * Runs one pass over {@code clusters} of {@code desired}. Actions stop early when {@code stopping} turns true
     * (shutdown) or when ECS throttles or fails a call (the next pass re-plans). Returns when each group wants
     * its next look (backoff, budget, pause or expectation timers).
     */
    Map<ResourceKey, Instant> run(DesiredState desired, Set<String> clusters, boolean leading,
                                  BooleanSupplier stopping) {
        ObservedState observed = observe(desired, clusters);
        memory = subnets.beforePlan(desired, observed, memory, planner, clock.instant());
        Plan plan = planner.plan(desired, observed, memory, clock.instant());
        memory = plan.memory();
        recordStoppedCopies(plan.stoppedCopies());
        recordStalls(plan.stalls());
        reportOrphans(plan.orphans());
        if (leading) {
            reportJobEvents(desired, plan);
            actions.run(plan.actions(), memory, planner, stopping, next -> memory = next);
        } else if (!plan.actions().isEmpty()) {
            LOG.debugf("action=skip count=%d reason=\"standby: this replica does not lead, the leader acts\"",
                    plan.actions().size());
        }
        // The status after acting: the same observation planned again with the results folded in (launches now
        // count as pending, timers reflect the budget spent). Planning is pure, so nothing of it is carried out.
        memory = subnets.afterPass(desired, leading, memory, planner, clock.instant());
        recorder.launchBudget(memory.budget().tasksPerSecond(planner.config().launchBudget()));
        Plan after = planner.plan(desired, observed, memory, clock.instant());
        status.planned(desired, observed, after.groups(), plan.stoppedCopies());
        subnets.report(after.groups());
        groupNotifications.afterPass(desired, after.groups(), clock.instant(), leading && stillLeads());
        jobs.planned(desired, after.jobs());
        Map<ResourceKey, Instant> nextLooks = new TreeMap<>();
        for (GroupStatus group : after.groups().values()) {
            if (group.nextLookAt() != null) {
                nextLooks.put(group.group(), group.nextLookAt());
            }
        }
        after.jobs().values().stream().filter(job -> job.nextLookAt() != null)
                .forEach(job -> nextLooks.put(job.job(), job.nextLookAt()));
        return nextLooks;
    }

    /** Job events are logged, counted and notified (SNS Publish) only while this replica still leads. */
    private void reportJobEvents(DesiredState desired, Plan plan) {
        try {
            leadership.ensureLeader();
        } catch (NotLeaderException notLeader) {
            LOG.warnf("action=skip-notify count=%d reason=\"%s\"", plan.jobEvents().size(), notLeader.getMessage());
            return;
        }
        jobEvents.report(desired, plan.jobEvents());
    }

    /** Whether this replica still leads right now (checked before anything is sent to people). */
    private boolean stillLeads() {
        try {
            leadership.ensureLeader();
            return true;
        } catch (NotLeaderException notLeader) {
            return false;
        }
    }

    /** The subnets' health in the planner's memory now. */
    SubnetHealthBook subnetHealth() {
        return memory.subnets();
    }

    /** Launched copies ECS does not list yet, over all groups. */
    int expectationsInFlight() {
        int count = 0;
        for (var group : memory.groups().values()) {
            Expectations expected = group.expectations();
            count += expected.launches().size();
            count += expected.unconfirmed().stream().mapToInt(Expectations.UnconfirmedLaunch::count).sum();
        }
        return count;
    }

    private ObservedState observe(DesiredState desired, Set<String> clusters) {
        Map<String, ObservedCluster> fresh = new HashMap<>();
        Set<String> answered = new TreeSet<>();
        for (String cluster : new TreeSet<>(clusters)) {
            EcsResult<ObservedCluster> result = observer.observe(cluster);
            if (result instanceof EcsResult.Ok<ObservedCluster> ok) {
                fresh.put(cluster, ok.value());
                taskGroups.observed(ok.value());
                answered.add(cluster);
                continue;
            }
            if (result instanceof EcsResult.Rejected<ObservedCluster>) {
                answered.add(cluster);
            }
            LOG.warnf("cluster=%s action=observe result=failed reason=\"%s\"; its groups wait for the next pass",
                    cluster, result.describe());
            if (result instanceof EcsResult.Throttled<ObservedCluster> throttled) {
                recorder.throttled(throttled.operation());
            }
            Instant now = clock.instant();
            groupsIn(desired, cluster).forEach(group -> status.error(group, "observe: " + result.describe(), now));
        }
        health.observed(answered, clusters, clock.instant());
        return new ObservedState(fresh);
    }

    private void recordStoppedCopies(List<StoppedCopy> stopped) {
        for (StoppedCopy copy : stopped) {
            recorder.taskStopped(copy.group(), copy.cause(), copy.subnetId());
            LOG.infof("group=%s action=observe-stop task=%s cause=%s counts-as-failure=%s subnet=%s reason=\"%s\"",
                    copy.group(), copy.taskArn(), copy.cause(), copy.failure() != null, copy.subnetId(),
                    copy.stoppedReason());
        }
    }

    private void recordStalls(List<Stall> stalls) {
        for (Stall stall : stalls) {
            recorder.taskStalled(stall.subnetId());
            LOG.warnf("subnet=%s action=stall task=%s age=%ds threshold=%ds reason=\"stalled in PROVISIONING past the "
                    + "subnet's stall threshold (%s); counted against the subnet now, stopped and replaced elsewhere\"",
                    stall.subnetId(), stall.taskArn(), stall.age().toSeconds(), stall.threshold().value().toSeconds(),
                    stall.threshold().basis());
        }
    }

    private void reportOrphans(Map<ResourceKey, Integer> orphans) {
        if (!orphans.equals(lastOrphans)) {
            orphans.forEach((group, live) -> LOG.warnf("group=%s action=keep live=%d reason=\"copies of ours whose "
                    + "group is not in the desired state; they are never stopped by the reconciler, stop them by hand "
                    + "if the group was removed on purpose\"", group, live));
            lastOrphans = Map.copyOf(orphans);
        }
    }

    private static List<ResourceKey> groupsIn(DesiredState desired, String cluster) {
        return desired.taskGroups().stream().filter(g -> g.task().cluster().equals(cluster))
                .map(DesiredResource::key).toList();
    }
}
