package io.fargatereconciler.plan.job;

import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.Action;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.SubnetSteering;
import io.fargatereconciler.plan.subnet.Stall;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The working state of one planning pass (or one launch feedback) for one Job: the runs as they change, the history
 * entries and events produced and the actions asked for. Built from a {@link JobMemory}, turned back into one by
 * {@link #memory()}. The steps that make a pass live in {@link JobPlanner}, {@link RunFollower} and
 * {@link RunScheduler}.
 */
final class JobPass {
    final Job job;
    final ResourceKey key;
    final Instant now;
    final List<ObservedTask> tasks;
    final Map<JobRunId, JobRun> runs = new LinkedHashMap<>();
    final List<Action> actions = new ArrayList<>();
    final List<JobEvent> events = new ArrayList<>();
    /** Runs whose current attempt an observation or a RunTask answer told us about in this pass. */
    final Set<JobRunId> heard = new HashSet<>();
    final Set<String> tasksToStop;
    Instant scheduledThrough;

    private final SubnetSteering steering;
    private final boolean reportsEvents;
    private final List<JobRunRecord> history;
    private final Deque<JobRunId> recentlyFinished;

    /**
     * A pass that reports {@code memory}'s unreported events first when {@code report}, else keeps them queued;
     * {@code steering} chooses the subnets of each attempt when it is first sent.
     */
    JobPass(Job job, List<ObservedTask> tasks, JobMemory memory, Instant now, boolean report, SubnetSteering steering) {
        this.job = job;
        this.steering = steering;
        this.key = job.key();
        this.now = now;
        this.tasks = tasks.stream().sorted(Comparator.comparing(ObservedTask::taskArn)).toList();
        memory.runs().forEach(run -> runs.put(run.id(), run));
        this.history = new ArrayList<>(memory.history());
        this.recentlyFinished = new ArrayDeque<>(memory.recentlyFinished());
        this.tasksToStop = new TreeSet<>(memory.tasksToStop());
        this.scheduledThrough = memory.scheduledThrough();
        this.events.addAll(memory.unreported());
        this.reportsEvents = report;
    }

    boolean finishedBefore(JobRunId id) {
        return recentlyFinished.contains(id);
    }

    boolean known(JobRunId id) {
        return runs.containsKey(id) || finishedBefore(id);
    }

    /** Ends {@code run} with {@code result}: into the history, out of the runs, reported once. */
    void finish(JobRun run, JobRunResult result, String reason) {
        runs.remove(run.id());
        record(run.finished(result, now, reason), true);
    }

    /** Adds {@code record} to the history; {@code report}: also as a {@link JobEvent.RunFinished}. */
    void record(JobRunRecord record, boolean report) {
        history.add(0, record);
        recentlyFinished.addLast(record.run());
        while (recentlyFinished.size() > JobMemory.FINISHED_REMEMBERED) {
            recentlyFinished.removeFirst();
        }
        if (report) {
            events.add(new JobEvent.RunFinished(key, record));
        }
    }

    /** The current attempt of {@code run} failed: retry after a backoff, or end the run if the task used up its limit. */
    void attemptFailed(JobRun run, boolean taskFailure, String reason) {
        if (taskFailure && run.taskFailures() + 1 > job.backoffLimit()) {
            finish(run.lastTaskFailure(reason), JobRunResult.Failed, "the task failed " + (run.taskFailures() + 1)
                    + " times, more than backoffLimit " + job.backoffLimit() + "; last: " + reason);
            return;
        }
        JobRun failed = run.nextAttemptAt(now, taskFailure, reason);
        Duration wait = JobBackoff.delay(job.task().backoff(), failed.startFailures() + failed.taskFailures(),
                failed.clientToken());
        JobRun next = run.nextAttemptAt(now.plus(wait), taskFailure, reason);
        runs.put(next.id(), next);
        events.add(new JobEvent.AttemptFailed(key, run.id(), run.attempt(), taskFailure, reason, now,
                next.nextAttemptAt()));
    }

    /**
     * Asks for RunTask of {@code run}'s current attempt. Sent before: again, with the same clientToken and subnets.
     * Otherwise into the subnets steering chooses now (see {@link JobSubnets}).
     */
    void launch(JobRun run, String reason) {
        String why = "run " + run.id().tagValue() + " attempt " + run.attempt() + ": " + reason;
        List<String> subnets = run.subnets();
        if (subnets.isEmpty()) {
            SubnetChoice choice = JobSubnets.choose(job, liveTasks(), steering);
            subnets = choice.subnets();
            why = why + JobSubnets.describe(choice);
        }
        JobRun launching = run.launching(now, subnets);
        runs.put(run.id(), launching);
        actions.add(new Launch(key, job.task(), 1, launching.subnets(), launching.clientToken(),
                JobTags.forAttempt(launching), why));
    }

    /**
     * The current attempt's task stalled in PROVISIONING and ECS accepted our StopTask before it ever started: the
     * attempt failed to start (the platform's failure, not counted against backoffLimit) and the next one, with its
     * own clientToken, is due at once, steered afresh (the stalled subnet now counts against itself).
     */
    void attemptStalled(JobRun run, String reason) {
        JobRun next = run.nextAttemptAt(now, false, reason);
        runs.put(next.id(), next);
        events.add(new JobEvent.AttemptFailed(key, run.id(), run.attempt(), false, reason, now, now));
    }

    /** The task's stall, if subnet health says it has stayed in PROVISIONING past its subnet's threshold. */
    Optional<Stall> stall(ObservedTask task) {
        return steering == null || !task.isProvisioning() ? Optional.empty() : steering.stall(task.taskArn());
    }

    /** When the task, still starting, would count as stalled (empty when no stall detection is on). */
    Optional<Instant> stallAt(ObservedTask task) {
        return steering == null || !task.isProvisioning() ? Optional.empty() : steering.stallAt(task.taskArn());
    }

    /**
     * Asks to stop a task stalled in PROVISIONING. Not remembered like a replaced run's task: if the stop does not
     * land, the next pass finds the stall again and asks again, with the stall's reason.
     */
    void stopStalled(ObservedTask task, Stall stall) {
        actions.add(new Stop(key, task.cluster(), task.taskArn(), stall.stopReason()));
    }

    void stop(ObservedTask task, String reason) {
        tasksToStop.add(task.taskArn());
        actions.add(new Stop(key, task.cluster(), task.taskArn(), reason));
    }

    /** Live tasks of this job not already being stopped: what concurrencyPolicy looks at beside unfinished runs. */
    List<ObservedTask> liveTasks() {
        return tasks.stream().filter(ObservedTask::isLive).filter(task -> !tasksToStop.contains(task.taskArn())).toList();
    }

    boolean completesWhenRunning() {
        return job.completeWhen() == CompleteWhen.Running;
    }

    /** The memory to hand back: history trimmed to the job's limits, events queued unless this pass reports them. */
    JobMemory memory() {
        List<JobRunRecord> kept = new ArrayList<>();
        int succeeded = 0;
        int failed = 0;
        for (JobRunRecord record : history) {
            if (record.result().keptAsFailed() ? failed++ < job.failedJobsHistoryLimit()
                    : succeeded++ < job.successfulJobsHistoryLimit()) {
                kept.add(record);
            }
        }
        return new JobMemory(scheduledThrough, List.copyOf(runs.values()), kept, List.copyOf(recentlyFinished),
                tasksToStop, reportsEvents ? List.of() : events);
    }
}
