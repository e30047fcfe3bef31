package io.fargatereconciler.plan;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.job.JobEvent;
import io.fargatereconciler.plan.job.JobLaunchResult;
import io.fargatereconciler.plan.job.JobMemories;
import io.fargatereconciler.plan.job.JobMemory;
import io.fargatereconciler.plan.job.JobPlan;
import io.fargatereconciler.plan.job.JobPlanner;
import io.fargatereconciler.plan.job.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Jobs' part of a planning pass: every Job of the desired state whose cluster was observed is planned by the
 * {@link JobPlanner}; its launches draw on the shared launch budget before the TaskGroups' (a Job's start is due at
 * a time, a group's copy is not), and none is sent while the loop is paused after throttling. A launch that is not
 * sent is folded back into the job's memory as not sent, so the job retries it shortly with the same clientToken
 * (and the same subnets). Each new attempt's subnets come from the pass's subnet steering, as a TaskGroup's do.
 *
 * @param launches the Job launches to make, in order
 * @param stops    the Job stops (concurrencyPolicy Replace), within the pass's stop bound
 * @param budget   the launch budget left for the TaskGroups
 * @param memories every desired Job's memory for the next pass
 * @param statuses every desired Job's status
 * @param events   what happened to Jobs since the last plan
 * @param wakeAt   the earliest time a Job wants another look, or null
 */
record JobPlanning(List<Launch> launches, List<Stop> stops, LaunchBudget budget, JobMemories memories,
                   Map<ResourceKey, JobStatus> statuses, List<JobEvent> events, Instant wakeAt) {

    private static final JobPlanner PLANNER = new JobPlanner();

    static JobPlanning plan(DesiredState desired, ObservedState observed, Map<ResourceKey, List<ObservedTask>> ours,
                            PlannerMemory memory, LaunchBudget budget, boolean paused, int maxStops, Instant now,
                            SubnetSteering steering) {
        boolean firstPass = memory.startedAt() == null;
        List<Launch> launches = new ArrayList<>();
        List<Stop> stops = new ArrayList<>();
        JobMemories next = JobMemories.NONE;
        Map<ResourceKey, JobStatus> statuses = new TreeMap<>();
        List<JobEvent> events = new ArrayList<>();
        Instant wakeAt = null;
        for (Job job : desired.jobs()) {
            JobMemory jobMemory = memory.jobs().memoryOf(job, firstPass, now);
            if (observed.cluster(job.task().cluster()).isEmpty()) {
                next = next.with(job, jobMemory);
                statuses.put(job.key(), PLANNER.status(job, jobMemory, now));
                continue;
            }
            JobPlan plan = PLANNER.plan(job, ours.getOrDefault(job.key(), List.of()), jobMemory, now, steering);
            jobMemory = plan.memory();
            for (Action action : plan.actions()) {
                if (action instanceof Launch launch) {
                    if (!paused && budget.tasksForNextCall() >= 1) {
                        launches.add(launch);
                        budget = budget.spend(1, 1);
                    } else {
                        String why = paused ? "not sent: the loop pauses after ECS throttled or failed a call"
                                : "not sent: the launch budget is spent for now";
                        jobMemory = PLANNER.afterLaunch(job, jobMemory, launch.clientToken(),
                                JobLaunchResult.throttled(why), now);
                    }
                } else if (!paused && stops.size() < maxStops) {
                    stops.add((Stop) action); // one not sent now is asked for again next pass
                }
            }
            next = next.with(job, jobMemory);
            statuses.put(job.key(), plan.status());
            events.addAll(plan.events());
            wakeAt = earliest(wakeAt, plan.wakeAt());
        }
        return new JobPlanning(launches, stops, budget, next, statuses, events, wakeAt);
    }

    /**
     * Folds a RunTask answer for a Job launch into the memory: the launch budget and the loop's pause as for any
     * launch, and the answer into the job's memory.
     */
    static PlannerMemory afterLaunch(PlannerMemory memory, Launch launch, LaunchResult result, Instant now) {
        Job job = memory.jobs().job(launch.group()).orElse(null);
        if (job == null) {
            return memory; // the job left the desired state
        }
        JobMemory jobMemory = memory.jobs().memoryOf(job, false, now);
        JobMemory next = PLANNER.afterLaunch(job, jobMemory, launch.clientToken(), JobLaunchResults.of(launch, result), now);
        return memory.withJobs(memory.jobs().with(job, next));
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
