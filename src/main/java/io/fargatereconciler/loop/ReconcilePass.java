package io.fargatereconciler.loop;

import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Kind;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.leader.Leadership;
import io.fargatereconciler.loop.leader.NotLeaderException;
import io.fargatereconciler.loop.state.DurableState;
import io.fargatereconciler.loop.state.StateWriteRefused;
import io.fargatereconciler.loop.subnets.SubnetSteeringSteps;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.TaskObserver;
import io.fargatereconciler.plan.Action;
import io.fargatereconciler.plan.Expectations;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.OrphanGroup;
import io.fargatereconciler.plan.OrphanTask;
import io.fargatereconciler.plan.Plan;
import io.fargatereconciler.plan.Planner;
import io.fargatereconciler.plan.PlannerMemory;
import io.fargatereconciler.plan.StoppedCopy;
import io.fargatereconciler.plan.job.JobEvent;
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
    private final DurableState durable;
    private final HoldLog holds = new HoldLog();
    private volatile PlannerMemory memory;
    private final TaskGroupIndex taskGroups;
    private final Leadership leadership;
    private final SubnetSteeringSteps subnets;
    private final GroupNotifications groupNotifications;
    private volatile Map<ResourceKey, OrphanGroup> orphans = Map.of();

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
        this.durable = new DurableState(parts.state(), planner.config().expectationTimeout());
        this.actions = new ActionRunner(parts, clock, durable);
        this.jobs = parts.jobs();
        this.jobEvents = parts.jobEvents();
    }

    /**
     * Drops everything remembered (expectations, backoff, budget, Jobs) for a fresh memory seeded with {@code seed}: a
     * new leader's start. The next pass that leads claims the durable state again and resumes from it. What
     * observations taught about subnets stays: a standby learns it as well as a leader.
     */
    void forget(long seed) {
        memory = memory.forNewTerm(seed);
        durable.forget();
    }

    /**
     * Runs one pass over {@code clusters} of {@code desired}. Actions stop early when {@code stopping} turns true
     * (shutdown) or when ECS throttles or fails a call (the next pass re-plans). Returns when each group wants
     * its next look (backoff, budget, pause or expectation timers).
     */
    Map<ResourceKey, Instant> run(DesiredState desired, Set<String> clusters, boolean leading,
                                  BooleanSupplier stopping) {
        boolean acting = leading && resumeDurableState(desired);
        ObservedState observed = observe(desired, clusters);
        memory = subnets.beforePlan(desired, observed, memory, planner, clock.instant());
        PlannerMemory before = memory;
        Plan plan = planner.plan(desired, observed, memory, clock.instant());
        memory = plan.memory();
        recordStoppedCopies(plan.stoppedCopies());
        recordStalls(plan.stalls());
        reportOrphans(plan.orphans());
        if (acting) {
            act(desired, plan, before, stopping);
        } else if (!plan.actions().isEmpty()) {
            DecisionLine.action("skip").with("count", plan.actions().size())
                    .quoted("reason", "standby: this replica does not lead, the leader acts").debug(LOG);
        }
        // The status after acting: the same observation planned again with the results folded in (launches now
        // count as pending, timers reflect the budget spent). Planning is pure, so nothing of it is carried out.
        memory = subnets.afterPass(desired, leading, memory, planner, clock.instant());
        recorder.launchBudget(memory.budget().tasksPerSecond(planner.config().launchBudget()));
        Plan after = planner.plan(desired, observed, memory, clock.instant());
        status.planned(desired, observed, after.groups(), plan.stoppedCopies());
        if (acting) {
            holds.report(after.groups());
        } else {
            holds.forget();
        }
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
        after.orphans().values().stream().filter(orphan -> orphan.stopAt() != null && orphan.kept() != null)
                .filter(orphan -> orphan.stopAt().isAfter(clock.instant()))
                .forEach(orphan -> nextLooks.put(orphan.group(), orphan.stopAt()));
        return nextLooks;
    }

    /**
     * On the leader, before planning: claims the durable state for this leader term (at its start, resuming the
     * memory from it) and what the desired state adds. False when the state table says another replica leads now.
     */
    private boolean resumeDurableState(DesiredState desired) {
        try {
            memory = durable.beforePlan(leadership.term(), desired, memory);
            durable.takeResumedTasks().forEach((group, arns) -> desired.get(group)
                    .ifPresent(resource -> observer.rememberLaunched(resource.task().cluster(), arns)));
            return true;
        } catch (StateWriteRefused deposed) {
            DecisionLine.action("skip").with("replica", leadership.replicaId()).quoted("reason", deposed.getMessage())
                    .warn(LOG);
            return false;
        }
    }

    /**
     * Records the Jobs' ledger entries, then reports the Jobs' events and carries out the plan, then records what the
     * actions changed. When the ledger cannot be written, the Jobs' part of the pass is dropped (their memory goes back
     * to {@code before}, so the next pass plans the same again): no Job event goes out and no Job launch is sent
     * before its run is in the ledger.
     */
    private void act(DesiredState desired, Plan plan, PlannerMemory before, BooleanSupplier stopping) {
        List<Action> toCarryOut = plan.actions();
        List<JobEvent> events = plan.jobEvents();
        try {
            if (!durable.recordJobs(memory)) {
                memory = memory.withJobsOf(before);
                toCarryOut = toCarryOut.stream().filter(action -> action.group().kind() != Kind.Job).toList();
                events = List.of();
            }
            reportJobEvents(desired, events);
            actions.run(toCarryOut, memory, planner, stopping, next -> memory = next);
            durable.recordJobs(memory);
            durable.settle(memory, clock.instant());
        } catch (StateWriteRefused deposed) {
            DecisionLine.action("skip").with("replica", leadership.replicaId()).quoted("reason", deposed.getMessage())
                    .warn(LOG);
        }
    }

    /** Job events are logged, counted and notified (SNS Publish) only while this replica still leads. */
    private void reportJobEvents(DesiredState desired, List<JobEvent> events) {
        try {
            leadership.ensureLeader();
        } catch (NotLeaderException notLeader) {
            DecisionLine.action("skip-notify").with("count", events.size())
                    .quoted("reason", notLeader.getMessage()).warn(LOG);
            return;
        }
        jobEvents.report(desired, events);
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
            DecisionLine.about("cluster", cluster, "observe").with("result", "failed")
                    .quoted("reason", result.describe()).then("; its groups wait for the next pass").warn(LOG);
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
            DecisionLine.group(copy.group(), "observe-stop").with("task", copy.taskArn()).with("cause", copy.cause())
                    .with("counts-as-failure", copy.failure() != null).with("subnet", copy.subnetId())
                    .quoted("reason", copy.stoppedReason()).info(LOG);
        }
    }

    private void recordStalls(List<Stall> stalls) {
        for (Stall stall : stalls) {
            recorder.taskStalled(stall.subnetId());
            DecisionLine.about("subnet", stall.subnetId(), "stall").with("task", stall.taskArn())
                    .with("age", stall.age().toSeconds() + "s")
                    .with("threshold", stall.threshold().value().toSeconds() + "s")
                    .quoted("reason", "stalled in PROVISIONING past the subnet's stall threshold ("
                            + stall.threshold().basis() + "); counted against the subnet now, stopped and replaced "
                            + "elsewhere").warn(LOG);
        }
    }

    /** Logs an orphaned group when it is first seen and when its copies or what is done about them change. */
    private void reportOrphans(Map<ResourceKey, OrphanGroup> found) {
        Map<ResourceKey, OrphanGroup> before = orphans;
        found.values().forEach(orphan -> {
            OrphanGroup earlier = before.get(orphan.group());
            if (earlier == null || earlier.tasks().size() != orphan.tasks().size()
                    || !java.util.Objects.equals(earlier.kept(), orphan.kept())) {
                DecisionLine.group(orphan.group(), orphan.kept() == null ? "stop-orphans" : "keep-orphans")
                        .with("live", orphan.tasks().size()).with("since", orphan.orphanedSince())
                        .quoted("reason", "copies of ours whose group is not in the desired state; "
                                + (orphan.kept() == null ? "stopping them" : orphan.kept())).warn(LOG);
            }
        });
        orphans = Map.copyOf(found);
    }

    /** The orphaned groups the last pass knew of. */
    Map<ResourceKey, OrphanGroup> orphans() {
        return orphans;
    }

    /** The clusters an orphaned group's copies were last seen in; empty for a group that is not orphaned. */
    Set<String> orphanClusters(ResourceKey group) {
        OrphanGroup orphan = orphans.get(group);
        Set<String> clusters = new TreeSet<>();
        if (orphan != null) {
            orphan.tasks().stream().map(OrphanTask::cluster).forEach(clusters::add);
        }
        return clusters;
    }

    private static List<ResourceKey> groupsIn(DesiredState desired, String cluster) {
        return desired.taskGroups().stream().filter(g -> g.task().cluster().equals(cluster))
                .map(DesiredResource::key).toList();
    }
}
