package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.job.JobMemories;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the planner carries from one pass to the next: per-group memory, the shared launch budget and the
 * loop-wide pause after throttling. Immutable: {@link Planner#plan} returns the next memory in its {@link Plan},
 * and {@link Planner#afterLaunch} / {@link Planner#afterStop} fold each carried-out action's result into it. One
 * reconcile thread owns it. Lost on restart by design: ECS (through the clientTokens) and the next observation
 * hold the truth, the memory only remembers what they cannot show yet.
 *
 * @param seed   drawn once when the daemon starts; makes the backoff jitter differ between daemons but not
 *               between two plans of the same inputs
 * @param groups    memory per group; a group without an entry has {@link GroupMemory#EMPTY}
 * @param startedAt when this memory began (the first pass of this daemon); null before the first pass. Launches
 *                  the previous daemon made just before it may not be listed yet, see {@link RestartGuard}
 * @param jobs      memory per Job (runs in progress, history, what is scheduled), see
 *                  {@link io.fargatereconciler.plan.job.JobPlanner}
 * @param subnets   what observations and RunTask answers taught about each subnet (failures, recent starts and how
 *                  long they took, stalls, free IPs, test-ENI outcomes); learnt into by every plan
 */
public record PlannerMemory(long seed, Map<ResourceKey, GroupMemory> groups, LaunchBudget budget, ThrottlePause pause,
                            Instant startedAt, JobMemories jobs, SubnetHealthBook subnets) {

    public PlannerMemory {
        groups = Collections.unmodifiableMap(new TreeMap<>(groups));
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(subnets, "subnets");
    }

    /** The memory of a daemon that just started. */
    public static PlannerMemory initial(long seed) {
        return new PlannerMemory(seed, Map.of(), LaunchBudget.FRESH, ThrottlePause.NONE, null, JobMemories.NONE,
                SubnetHealthBook.EMPTY);
    }

    /**
     * The memory of a new leadership term: everything starts afresh (seed, expectations, backoff, budget, Jobs), except
     * what observations taught about subnets, which a standby learns as well as a leader.
     */
    public PlannerMemory forNewTerm(long freshSeed) {
        return initial(freshSeed).withSubnets(subnets);
    }

    public GroupMemory group(ResourceKey key) {
        return groups.getOrDefault(key, GroupMemory.EMPTY);
    }

    PlannerMemory withGroup(ResourceKey key, GroupMemory memory) {
        Map<ResourceKey, GroupMemory> next = new TreeMap<>(groups);
        next.put(key, memory);
        return new PlannerMemory(seed, next, budget, pause, startedAt, jobs, subnets);
    }

    PlannerMemory withGroups(Map<ResourceKey, GroupMemory> next) {
        return new PlannerMemory(seed, next, budget, pause, startedAt, jobs, subnets);
    }

    PlannerMemory withStartedAt(Instant at) {
        return new PlannerMemory(seed, groups, budget, pause, at, jobs, subnets);
    }

    PlannerMemory withBudget(LaunchBudget next) {
        return new PlannerMemory(seed, groups, next, pause, startedAt, jobs, subnets);
    }

    PlannerMemory withPause(ThrottlePause next) {
        return new PlannerMemory(seed, groups, budget, next, startedAt, jobs, subnets);
    }

    PlannerMemory withJobs(JobMemories next) {
        return new PlannerMemory(seed, groups, budget, pause, startedAt, next, subnets);
    }

    PlannerMemory withSubnets(SubnetHealthBook next) {
        return new PlannerMemory(seed, groups, budget, pause, startedAt, jobs, next);
    }
}
