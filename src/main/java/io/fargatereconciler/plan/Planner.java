package io.fargatereconciler.plan;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Kind;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.subnet.HealthSteering;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import io.fargatereconciler.plan.subnet.SubnetHealthSettings;
import io.fargatereconciler.plan.subnet.SubnetLearning;
import io.fargatereconciler.plan.subnet.TestEniOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one place that decides. {@link #plan} is a pure function of the desired state, the latest observation,
 * the planner's memory and the time: no I/O, no clock of its own, the same inputs give the same plan. The loop
 * carries out the plan's actions and folds each result back with {@link #afterLaunch} / {@link #afterStop}:
 * <pre>{@code
 * Plan plan = planner.plan(desired, observed, memory, clock.instant());
 * memory = plan.memory();
 * for (Action action : plan.actions()) {            // stop early on shutdown: memory stays right
 *     if (action instanceof Launch launch) memory = planner.afterLaunch(memory, launch, ecs.run(launch), clock.instant());
 *     if (action instanceof Stop stop)     memory = planner.afterStop(memory, stop, ecs.stop(stop), clock.instant());
 * }
 * }</pre>
 * One thread owns the memory. Planning covers every TaskGroup and Job in one pass (it is cheap: in-memory data
 * only), so the budget is shared fairly and the per-pass stop bound holds over all of them. Jobs are planned by
 * {@link io.fargatereconciler.plan.job.JobPlanner} (see {@link JobPlanning}); their launches come first.
 */
public final class Planner {
    private final PlannerConfig config;
    private final GroupPlanner groups;
    private final ActionResults results;
    private final SubnetSteering steering;
    private final SubnetHealthSettings health;

    /** A planner that launches into the spec's subnets as written: no subnet health, stall detection or probes. */
    public Planner(PlannerConfig config) {
        this(config, SubnetSteering.AS_GIVEN);
    }

    /** A planner whose launches go where {@code steering} says, whatever the subnets' health. */
    public Planner(PlannerConfig config, SubnetSteering steering) {
        this(config, steering, null);
    }

    private Planner(PlannerConfig config, SubnetSteering steering, SubnetHealthSettings health) {
        this.config = Objects.requireNonNull(config, "config");
        this.steering = Objects.requireNonNull(steering, "steering");
        this.health = health;
        this.groups = new GroupPlanner(config);
        this.results = new ActionResults(config);
    }

    /**
     * A planner steered by subnet health scored with {@code health}: it learns into its memory's
     * {@link SubnetHealthBook} from every observation and RunTask answer, steers launches to healthy subnets, probes
     * subnets without a recent successful start, and stops and replaces tasks stalled in PROVISIONING.
     */
    public static Planner steeredByHealth(PlannerConfig config, SubnetHealthSettings health) {
        return new Planner(config, SubnetSteering.AS_GIVEN, Objects.requireNonNull(health, "health"));
    }

    public PlannerConfig config() {
        return config;
    }

    public Plan plan(DesiredState desired, ObservedState observed, PlannerMemory memory, Instant now) {
        Map<ResourceKey, List<ObservedTask>> ours = oursByGroup(observed);
        boolean paused = memory.pause().holds(now);
        LaunchBudget budget = memory.budget().refill(config.launchBudget(), now);
        Instant startedAt = memory.startedAt() == null ? now : memory.startedAt();
        SubnetLearning.Learned learned = health == null ? null
                : SubnetLearning.learn(memory.subnets().withSettings(health), observed, config.ownerId(), now);
        SubnetSteering steering = learned == null ? this.steering : new HealthSteering(learned, now);
        GroupPlanner.Pass pass = new GroupPlanner.Pass(now, memory.seed(), startedAt, memory.launchesKnown(), steering);

        List<GroupPlanner.Proposal> proposals = new ArrayList<>();
        Map<ResourceKey, GroupStatus> statuses = new TreeMap<>();
        Map<ResourceKey, GroupMemory> nextMemory = new TreeMap<>();
        for (TaskGroup group : desired.taskGroups()) {
            Optional<ObservedCluster> cluster = observed.cluster(group.task().cluster());
            GroupMemory groupMemory = memory.group(group.key());
            nextMemory.put(group.key(), groupMemory);
            if (cluster.isEmpty()) {
                statuses.put(group.key(), notObserved(group, groupMemory));
                continue;
            }
            GroupPlanner.Proposal proposal = groups.propose(group, ours.getOrDefault(group.key(), List.of()),
                    cluster.get().observedAt(), groupMemory, pass);
            proposals.add(proposal);
            nextMemory.put(group.key(), proposal.memory());
        }
        JobPlanning jobs = JobPlanning.plan(desired, observed, ours, memory, budget, paused,
                config.maxStopsPerPass(), now, steering);

        BudgetSharing sharing = BudgetSharing.share(paused ? List.of() : proposals, jobs.budget(), steering);
        List<Action> actions = new ArrayList<>(jobs.launches());
        actions.addAll(sharing.launches());
        actions.addAll(jobs.stops());
        if (!paused) {
            proposals.stream().flatMap(p -> p.stops().stream()).limit(config.maxStopsPerPass() - jobs.stops().size())
                    .forEach(actions::add);
        }
        int stopsLeft = config.maxStopsPerPass() - (int) actions.stream().filter(Stop.class::isInstance).count();
        OrphanPlanning.Result orphans = OrphanPlanning.plan(desired, observed, ours, memory.orphans(), config,
                stopsLeft, paused, now);
        actions.addAll(orphans.stops());
        List<StoppedCopy> stopped = new ArrayList<>();
        for (GroupPlanner.Proposal proposal : proposals) {
            statuses.put(proposal.group().key(), status(proposal, paused, sharing, memory, steering, now));
            stopped.addAll(proposal.stopped());
        }
        Instant requeueAt = statuses.values().stream().map(GroupStatus::nextLookAt).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        requeueAt = GroupPlanner.earliest(requeueAt, jobs.wakeAt(), orphans.wakeAt());
        PlannerMemory next = new PlannerMemory(memory.seed(), nextMemory, budget, memory.pause(), startedAt,
                jobs.memories(), memory.launchesKnown(), orphans.book(),
                learned == null ? memory.subnets() : learned.book());
        return new Plan(actions, statuses, stopped, orphans.orphans(), requeueAt, next, jobs.statuses(),
                jobs.events(), learned == null ? List.of() : learned.counted());
    }

    /**
     * Folds the result of carrying out {@code launch} into {@code memory}: launched copies become expectations,
     * failures advance the group's backoff, throttling and server errors pause the loop, a used clientToken is
     * remembered, and the budget is charged.
     */
    public PlannerMemory afterLaunch(PlannerMemory memory, Launch launch, LaunchResult result, Instant now) {
        PlannerMemory learnt = health == null ? memory
                : memory.withSubnets(LaunchSubnets.afterLaunch(memory.subnets(), launch, result, now));
        if (launch.group().kind() == Kind.Job) {
            return JobPlanning.afterLaunch(results.afterJobLaunch(learnt, launch, result, now), launch, result, now);
        }
        return results.afterLaunch(learnt, launch, result, now);
    }

    /** Folds in EC2's free-IP count of a subnet (DescribeSubnets at {@code at}). */
    public PlannerMemory afterFreeIps(PlannerMemory memory, String subnetId, int freeIps, String availabilityZone,
                                      Instant at) {
        return memory.withSubnets(memory.subnets().withFreeIps(subnetId, freeIps, availabilityZone, at));
    }

    /** Folds in the outcome of a test-ENI diagnosis in a subnet. */
    public PlannerMemory afterTestEni(PlannerMemory memory, String subnetId, TestEniOutcome outcome) {
        return memory.withSubnets(memory.subnets().withTestEni(subnetId, outcome));
    }

    /**
     * Folds in that {@code launch} was planned but not sent (the pass stopped early: shutdown, or ECS throttled an
     * earlier call). A TaskGroup needs nothing (the next pass re-plans it); a Job re-sends that attempt shortly.
     */
    public PlannerMemory afterNotSent(PlannerMemory memory, Launch launch, Instant now) {
        if (launch.group().kind() != Kind.Job) {
            return memory;
        }
        return JobPlanning.afterLaunch(memory, launch, LaunchResult.throttled("not sent: the pass stopped early"), now);
    }

    /** Folds the result of carrying out {@code stop} into {@code memory}. */
    public PlannerMemory afterStop(PlannerMemory memory, Stop stop, StopResult result, Instant now) {
        if (memory.orphans().entry(stop.group()).isPresent()) {
            return results.afterOrphanStop(memory, stop, result, now);
        }
        if (stop.group().kind() == Kind.Job) {
            return results.afterJobStop(memory, result, now); // a Job asks again while the task stays live
        }
        return results.afterStop(memory, stop, result, now);
    }

    /** Our tasks by group, each group's in observation order. Only looked up by key, so not sorted. */
    private Map<ResourceKey, List<ObservedTask>> oursByGroup(ObservedState observed) {
        Map<ResourceKey, List<ObservedTask>> byGroup = new HashMap<>();
        for (ObservedCluster cluster : observed.clusters().values()) {
            for (ObservedTask task : cluster.tasks()) {
                if (Ownership.isOurs(config.ownerId(), task)) {
                    byGroup.computeIfAbsent(task.group(), key -> new ArrayList<>()).add(task);
                }
            }
        }
        return byGroup;
    }

    private GroupStatus status(GroupPlanner.Proposal proposal, boolean paused, BudgetSharing sharing,
                               PlannerMemory memory, SubnetSteering steering, Instant now) {
        Hold hold = proposal.hold();
        Instant holdUntil = proposal.holdUntil();
        Instant nextLookAt = proposal.nextLookAt();
        boolean wantsChange = proposal.launch() > 0 || !proposal.stops().isEmpty();
        if (hold != Hold.SPEC_PAUSED && paused && (wantsChange || proposal.missing() > 0)) {
            hold = Hold.PAUSED;
            holdUntil = memory.pause().until();
            nextLookAt = GroupPlanner.earliest(nextLookAt, memory.pause().until());
        } else if (hold != Hold.SPEC_PAUSED && sharing.waitingForProbes().contains(proposal.group().key())) {
            hold = Hold.PROBE;
            holdUntil = null; // until a probe leaves PROVISIONING: looked at again every probe-check-interval
            nextLookAt = GroupPlanner.earliest(nextLookAt, now.plus(steering.probeCheckInterval()));
        } else if (hold != Hold.SPEC_PAUSED && sharing.starved().contains(proposal.group().key())) {
            hold = Hold.BUDGET;
            holdUntil = sharing.after().nextCallAt(config.launchBudget());
            nextLookAt = GroupPlanner.earliest(nextLookAt, holdUntil);
        }
        Backoff backoff = proposal.backoff();
        return new GroupStatus(proposal.group().key(), proposal.counts(), backoff.failures(), backoff.lastFailure(),
                backoff.holds(now) ? backoff.retryAt() : null, hold, nextLookAt,
                Conditions.of(proposal.group(), proposal.counts(), backoff, proposal.steering(), new Conditions.Held(
                        hold, holdUntil), now),
                proposal.steering());
    }

    private static GroupStatus notObserved(TaskGroup group, GroupMemory memory) {
        CopyCounts counts = new CopyCounts(group.replicas(), 0, 0, 0, 0);
        Backoff backoff = memory.backoff();
        return new GroupStatus(group.key(), counts, backoff.failures(), backoff.lastFailure(), null,
                Hold.NOT_OBSERVED, null, Conditions.notObserved(group.task().cluster()),
                SubnetChoice.asGiven(group.task().network().subnets()));
    }
}
