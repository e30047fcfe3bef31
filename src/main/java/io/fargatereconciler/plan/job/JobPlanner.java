package io.fargatereconciler.plan.job;

import io.fargatereconciler.desired.Job;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.SubnetSteering;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Plans one {@code kind: Job}: a pure function of the job, the observed tasks of that job (tagged
 * {@code fargate-reconciler/group: Job/NAME}), what the planner remembered of it, and the time.
 *
 * <p>A pass follows the runs in progress ({@link RunFollower}), starts the run that came due
 * ({@link RunScheduler}), launches or re-sends attempts, and asks again to stop replaced tasks that still run.
 * Every attempt is one task launched with the run's tags ({@link JobTags}) and a clientToken derived from
 * (job, run, attempt) ({@link JobRunId#clientToken(int)}), so a retried, repeated or restarted launch never starts
 * a second task. Each attempt goes to the subnets subnet steering chooses when it is first sent ({@link JobSubnets});
 * a retry is a new attempt with a new token, steered afresh, and a re-sent attempt keeps its token and its subnets.
 *
 * <p>The loop calls {@link #plan} every pass and {@link #afterLaunch} with each RunTask answer, and keeps the
 * returned {@link JobMemory} for the next call; a new daemon starts from {@link JobMemory#afterDaemonStart()}.
 */
public final class JobPlanner {

    public JobPlan plan(Job job, List<ObservedTask> tasks, JobMemory memory, Instant now) {
        return plan(job, tasks, memory, now, null);
    }

    /**
     * As {@link #plan(Job, List, JobMemory, Instant)}, with {@code steering} (made from this pass's subnet-health
     * snapshot) choosing the subnets of each attempt sent for the first time; null: the spec's subnets as written.
     */
    public JobPlan plan(Job job, List<ObservedTask> tasks, JobMemory memory, Instant now, SubnetSteering steering) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(now, "now");
        List<ObservedTask> ours = tasks.stream().filter(task -> job.key().equals(task.group())).toList();
        JobPass pass = new JobPass(job, ours, memory, now, true, steering);
        RunFollower.followObservedTasks(pass);
        RunScheduler.startDueRuns(pass);
        RunFollower.advance(pass);
        keepStopping(pass);
        JobMemory next = pass.memory();
        Instant wakeAt = wakeAt(pass, next);
        return new JobPlan(pass.actions, next, JobStatusView.of(job, next, now, wakeAt), pass.events, wakeAt);
    }

    /**
     * Applies the answer to the Launch with {@code clientToken} of this job and returns the memory to keep. What the
     * answer meant (a failed start, or a run that ended: ECS may answer with an attempt's task that already stopped)
     * is reported by the next {@link #plan}.
     */
    public JobMemory afterLaunch(Job job, JobMemory memory, String clientToken, JobLaunchResult result, Instant now) {
        JobPass pass = new JobPass(job, List.of(), memory, now, false, null);
        RunFollower.afterLaunch(pass, clientToken, result);
        return pass.memory();
    }

    /** The status of a job that is not planned this pass (its cluster was not observed): as remembered. */
    public JobStatus status(Job job, JobMemory memory, Instant now) {
        return JobStatusView.of(job, memory, now, null);
    }

    /** Tasks we asked to stop that still run are asked again; stopped or vanished ones are forgotten. */
    private static void keepStopping(JobPass pass) {
        Set<String> stoppingNow = new HashSet<>();
        pass.actions.stream().filter(Stop.class::isInstance).map(Stop.class::cast).map(Stop::taskArn)
                .forEach(stoppingNow::add);
        Set<String> stillLive = new HashSet<>(stoppingNow);
        for (ObservedTask task : pass.tasks) {
            if (task.isLive() && pass.tasksToStop.contains(task.taskArn())) {
                stillLive.add(task.taskArn());
                if (!stoppingNow.contains(task.taskArn())) {
                    pass.stop(task, "fargate-reconciler: still running after an earlier StopTask; asking again");
                }
            }
        }
        pass.tasksToStop.retainAll(stillLive);
    }

    private static Instant wakeAt(JobPass pass, JobMemory memory) {
        Job job = pass.job;
        Stream<Instant> attempts = job.suspend() ? Stream.empty() : memory.runs().stream().map(run ->
                run.phase() == JobRun.Phase.WAITING ? run.nextAttemptAt()
                        : run.lastHeardAt().plus(RunFollower.EXPECTATION_TIMEOUT));
        // a task still starting is looked at when it would count as stalled, and a second after a stall-stop
        Stream<Instant> stalls = pass.tasks.stream().flatMap(task -> pass.stallAt(task).stream());
        Stream<Instant> afterStops = pass.actions.stream().filter(Stop.class::isInstance)
                .map(stop -> pass.now.plusSeconds(1));
        attempts = Stream.concat(attempts, Stream.concat(stalls, afterStops));
        Optional<Instant> schedule = job.scheduled() && !job.suspend()
                ? CronSchedule.parse(job.schedule(), job.timeZone()).nextAfter(pass.now) : Optional.empty();
        return Stream.concat(attempts, schedule.stream()).filter(at -> at.isAfter(pass.now))
                .min(Instant::compareTo).orElse(null);
    }
}
