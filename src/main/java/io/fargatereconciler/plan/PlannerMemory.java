package io.fargatereconciler.plan;

import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.job.JobMemories;
import io.fargatereconciler.plan.job.JobMemory;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the planner carries from one pass to the next: per-group memory, the shared launch budget and the
 * loop-wide pause after throttling. Immutable: {@link Planner#plan} returns the next memory in its {@link Plan},
 * and {@link Planner#afterLaunch} / {@link Planner#afterStop} fold each carried-out action's result into it. One
 * reconcile thread owns it. Lost on restart by design: ECS (through the clientTokens) and the next observation
 * hold the truth, the memory only remembers what they cannot show yet; what ECS cannot show a new leader (launches in
 * flight, Job runs) the loop keeps in durable state and hands back through {@link #resumed}.
 *
 * @param seed   drawn once when the daemon starts; makes the backoff jitter differ between daemons but not
 *               between two plans of the same inputs
 * @param groups    memory per group; a group without an entry has {@link GroupMemory#EMPTY}
 * @param startedAt when this memory began (the first pass of this daemon); null before the first pass. Launches
 *                  the previous daemon made just before it may not be listed yet, see {@link RestartGuard}
 * @param jobs      memory per Job (runs in progress, history, what is scheduled), see
 *                  {@link io.fargatereconciler.plan.job.JobPlanner}
 * @param launchesKnown the groups whose launches made before this memory began are in it (read back from the
 *                  launch intents an earlier leader recorded): the {@link RestartGuard} does not hold them
 * @param orphans   copies of ours whose group is not declared: since when, and the stops sent for them
 * @param subnets   what observations and RunTask answers taught about each subnet (failures, recent starts and how
 *                  long they took, stalls, free IPs, test-ENI outcomes); learnt into by every plan
 */
public record PlannerMemory(long seed, Map<ResourceKey, GroupMemory> groups, LaunchBudget budget, ThrottlePause pause,
                            Instant startedAt, JobMemories jobs, Set<ResourceKey> launchesKnown, OrphanBook orphans,
                            SubnetHealthBook subnets) {

    public PlannerMemory {
        groups = Collections.unmodifiableMap(new TreeMap<>(groups));
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(jobs, "jobs");
        launchesKnown = Collections.unmodifiableSet(new TreeSet<>(launchesKnown));
        Objects.requireNonNull(orphans, "orphans");
        Objects.requireNonNull(subnets, "subnets");
    }

    /** The memory of a daemon that just started. */
    public static PlannerMemory initial(long seed) {
        return new PlannerMemory(seed, Map.of(), LaunchBudget.FRESH, ThrottlePause.NONE, null, JobMemories.NONE, Set.of(),
                OrphanBook.EMPTY,
                SubnetHealthBook.EMPTY);
    }

    /**
     * The memory of a new leadership term: everything starts afresh (seed, expectations, backoff, budget, Jobs), except
     * what observations taught about subnets, which a standby learns as well as a leader.
     */
    public PlannerMemory forNewTerm(long freshSeed) {
        return initial(freshSeed).withSubnets(subnets);
    }

    /**
     * The memory of a new leader (or a restarted daemon) that read back what came before from durable state: the
     * launches still in flight of each group that has recorded launch intents, and every Job's memory (from the run
     * ledger); what observations taught about {@code subnets} is kept. The restart guard holds only groups without
     * recorded intents: for the others nothing launched before is unknown.
     */
    public static PlannerMemory resumed(long seed, Map<ResourceKey, Expectations> launches, JobMemories jobs,
                                        SubnetHealthBook subnets) {
        Map<ResourceKey, GroupMemory> groups = new TreeMap<>();
        launches.forEach((group, expected) -> groups.put(group, GroupMemory.EMPTY.withExpectations(expected)));
        return new PlannerMemory(seed, groups, LaunchBudget.FRESH, ThrottlePause.NONE, null, jobs, launches.keySet(),
                OrphanBook.EMPTY, subnets);
    }

    /** This memory with {@code memory} for {@code job} (read back from the run ledger). */
    public PlannerMemory withJobMemory(Job job, JobMemory memory) {
        return withJobs(jobs.with(job, memory));
    }

    /** This memory with {@code earlier}'s Jobs: a pass whose run-ledger write failed forgets what it planned for them. */
    public PlannerMemory withJobsOf(PlannerMemory earlier) {
        return withJobs(earlier.jobs());
    }

    public GroupMemory group(ResourceKey key) {
        return groups.getOrDefault(key, GroupMemory.EMPTY);
    }

    PlannerMemory withGroup(ResourceKey key, GroupMemory memory) {
        Map<ResourceKey, GroupMemory> next = new TreeMap<>(groups);
        next.put(key, memory);
        return new PlannerMemory(seed, next, budget, pause, startedAt, jobs, launchesKnown, orphans, subnets);
    }

    PlannerMemory withGroups(Map<ResourceKey, GroupMemory> next) {
        return new PlannerMemory(seed, next, budget, pause, startedAt, jobs, launchesKnown, orphans, subnets);
    }

    PlannerMemory withStartedAt(Instant at) {
        return new PlannerMemory(seed, groups, budget, pause, at, jobs, launchesKnown, orphans, subnets);
    }

    PlannerMemory withBudget(LaunchBudget next) {
        return new PlannerMemory(seed, groups, next, pause, startedAt, jobs, launchesKnown, orphans, subnets);
    }

    PlannerMemory withPause(ThrottlePause next) {
        return new PlannerMemory(seed, groups, budget, next, startedAt, jobs, launchesKnown, orphans, subnets);
    }

    PlannerMemory withOrphans(OrphanBook next) {
        return new PlannerMemory(seed, groups, budget, pause, startedAt, jobs, launchesKnown, next, subnets);
    }

    PlannerMemory withJobs(JobMemories next) {
        return new PlannerMemory(seed, groups, budget, pause, startedAt, next, launchesKnown, orphans, subnets);
    }

    PlannerMemory withSubnets(SubnetHealthBook next) {
        return new PlannerMemory(seed, groups, budget, pause, startedAt, jobs, launchesKnown, orphans, next);
    }
}
