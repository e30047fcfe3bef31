package io.fargatereconciler.plan.job;

import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.observe.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Follows the runs in progress: learns from the observed tasks and from RunTask answers what became of each
 * attempt, launches due attempts, and re-sends attempts nothing was heard of (with the same clientToken, so ECS
 * returns the task if it exists rather than starting a second one).
 */
final class RunFollower {
    /** No task seen and no RunTask answer for this long: the attempt is re-sent with its clientToken. */
    static final Duration EXPECTATION_TIMEOUT = Duration.ofMinutes(5);

    private RunFollower() {
    }

    /** Applies what ECS shows of each task carrying a run tag of this job. */
    static void followObservedTasks(JobPass pass) {
        for (ObservedTask task : pass.tasks) {
            Optional<JobTags.Attempt> tagged = JobTags.read(pass.job.metadata().name(), task);
            if (tagged.isEmpty() || pass.finishedBefore(tagged.get().run())) {
                continue;
            }
            JobTags.Attempt attempt = tagged.get();
            JobRun run = pass.runs.get(attempt.run());
            boolean unknownAttempt = run == null || attempt.attempt() > run.attempt()
                    || attempt.attempt() == run.attempt() && run.phase() == JobRun.Phase.WAITING;
            if (unknownAttempt) {
                run = adopt(attempt, task, run, pass.now); // a restarted daemon, a lost answer, a lagging list
            } else if (attempt.attempt() < run.attempt()) {
                continue; // an earlier attempt's task, already accounted for
            }
            pass.heard.add(run.id());
            apply(pass, run, task);
        }
    }

    private static JobRun adopt(JobTags.Attempt tagged, ObservedTask task, JobRun known, Instant now) {
        Instant launched = task.createdAt() != null ? task.createdAt() : now;
        Instant firstLaunched = known != null && known.firstLaunchedAt() != null ? known.firstLaunchedAt() : launched;
        String specHash = task.specHash() != null ? task.specHash() : known != null ? known.specHash() : "unknown";
        return new JobRun(tagged.run(), specHash, JobRun.Phase.STARTED, tagged.attempt(), task.taskArn(), null,
                launched, now, task.isStopped() ? null : now, tagged.startFailuresBefore(), tagged.taskFailuresBefore(), firstLaunched,
                known != null ? known.runningAt() : null, known != null ? known.lastFailure() : null, true,
                known != null && known.attempt() == tagged.attempt() ? known.subnets() : List.of());
    }

    private static void apply(JobPass pass, JobRun run, ObservedTask task) {
        boolean reachedRunning = task.startedAt() != null || task.lastStatus() == TaskStatus.RUNNING;
        if (reachedRunning) {
            run = markRunning(pass, run, task);
            if (pass.completesWhenRunning()) { // done, however the task ends later
                pass.finish(run, JobRunResult.Succeeded, "the task reached RUNNING (completeWhen: Running)");
                return;
            }
        }
        if (task.isStopped()) {
            TaskOutcome outcome = TaskOutcome.of(task);
            switch (outcome.kind()) {
                case SUCCEEDED -> pass.finish(run, JobRunResult.Succeeded, outcome.reason());
                case SYSTEM_FAILURE -> pass.attemptFailed(run, false, outcome.reason());
                case STALLED -> pass.attemptStalled(run, outcome.reason());
                case STALL_STOP_AFTER_START -> pass.finish(run, JobRunResult.Failed, outcome.reason()
                        + "; not retried, so the run never runs twice");
                case TASK_FAILURE -> pass.attemptFailed(run, true, outcome.reason());
                case STOPPED_BY_USER -> pass.finish(run, JobRunResult.Failed, outcome.reason() + "; not retried");
                case STOPPED_BY_RECONCILER -> pass.finish(run, JobRunResult.Replaced, outcome.reason());
            }
        } else if (!reachedRunning) {
            if (stallStopAccepted(task)) {
                pass.attemptStalled(run, StopCause.ENI_PROVISIONING_STALLED + ": " + task.stoppedReason());
                return;
            }
            pass.stall(task).ifPresent(stall -> pass.stopStalled(task, stall));
            pass.runs.put(run.id(), run.started(task.taskArn(), task.isLive(), pass.now));
        }
    }

    /**
     * ECS accepted our StopTask for the task's stall (it is on its way down with our stall reason) and it never
     * started: no container of this attempt ran, so the next attempt may go at once, without waiting for STOPPED.
     */
    private static boolean stallStopAccepted(ObservedTask task) {
        return task.desiredStatus() == TaskStatus.STOPPED && task.startedAt() == null
                && StopClassifier.classify(task.stopCode(), task.stoppedReason(), task.containers())
                == StopCause.ENI_PROVISIONING_STALLED;
    }

    private static JobRun markRunning(JobPass pass, JobRun run, ObservedTask task) {
        Instant since = task.startedAt() != null ? task.startedAt() : pass.now;
        JobRun running = run.running(task.taskArn(), since, !task.isStopped(), pass.now);
        pass.runs.put(run.id(), running);
        if (run.runningAt() == null) {
            Instant planned = run.id().scheduledTime() != null ? run.id().scheduledTime() : running.firstLaunchedAt();
            Duration delay = planned == null || since.isBefore(planned) ? Duration.ZERO : Duration.between(planned, since);
            pass.events.add(new JobEvent.RunStarted(pass.key, run.id(), since, delay, running.startFailures()));
        }
        return running;
    }

    /** Launches due attempts, ends runs past their deadline, re-sends attempts nothing was heard of. */
    static void advance(JobPass pass) {
        for (JobRun run : List.copyOf(pass.runs.values())) {
            if (run.phase() == JobRun.Phase.WAITING) {
                advanceWaiting(pass, run);
            } else if (!pass.heard.contains(run.id()) && !pass.job.suspend()
                    && !pass.now.isBefore(run.lastHeardAt().plus(EXPECTATION_TIMEOUT))) {
                if (!pass.now.isBefore(run.tokenSurelyRememberedUntil())) {
                    pass.finish(run, JobRunResult.Unknown, "no sign of attempt " + run.attempt() + " (task "
                            + run.taskArn() + ") since " + run.lastHeardAt() + ", and ECS may have forgotten its "
                            + "clientToken: not re-sent, so it is never started twice");
                } else {
                    pass.launch(run, "re-sent with the same clientToken: no sign of the task since " + run.lastHeardAt());
                }
            }
        }
    }

    private static void advanceWaiting(JobPass pass, JobRun run) {
        String specHash = pass.job.task().specHash();
        if (!pass.job.scheduled() && !run.specHash().equals(specHash)) {
            pass.finish(run, JobRunResult.Replaced, "superseded by spec " + specHash + " before its next attempt; "
                    + "a run of an older spec is not retried");
            return;
        }
        Long deadline = pass.job.startingDeadlineSeconds();
        Instant scheduled = run.id().scheduledTime();
        if (deadline != null && scheduled != null && run.runningAt() == null
                && pass.now.isAfter(scheduled.plusSeconds(deadline))) {
            String limit = "startingDeadlineSeconds " + deadline + " after its scheduled time " + scheduled;
            if (run.hasLaunched()) {
                pass.finish(run, JobRunResult.Failed, "could not start within " + limit + " after "
                        + run.startFailures() + " failed starts; last: " + run.lastFailure());
            } else {
                pass.finish(run, JobRunResult.Missed, "not started within " + limit);
            }
            return;
        }
        if (pass.job.suspend() || run.nextAttemptAt().isAfter(pass.now)) {
            return;
        }
        Instant unsafe = run.replayUnsafeFrom();
        if (unsafe != null && !pass.now.isBefore(unsafe)) {
            pass.finish(run, JobRunResult.Unknown, "attempt " + run.attempt() + " may have been launched by the daemon"
                    + " before this one, and ECS keeps clientTokens only an hour after a task stops: not launched, so"
                    + " the run never runs twice; last: " + run.lastFailure());
            return;
        }
        pass.launch(run, run.lastFailure() == null ? "first attempt" : "after " + run.lastFailure());
    }

    /** Applies one RunTask answer to the attempt it was for (found by its clientToken). */
    static void afterLaunch(JobPass pass, String clientToken, JobLaunchResult result) {
        Optional<JobRun> launched = pass.runs.values().stream()
                .filter(run -> run.phase() != JobRun.Phase.WAITING && run.clientToken().equals(clientToken))
                .findFirst();
        if (launched.isEmpty()) {
            return; // an answer for an attempt that has moved on
        }
        JobRun run = launched.get();
        String message = result.message() == null ? "no details" : result.message();
        switch (result.outcome()) {
            case STARTED, TOKEN_REUSED -> { // the task as RunTask described it, possibly STOPPED already
                pass.heard.add(run.id());
                apply(pass, run, result.task());
            }
            case FAILED -> pass.attemptFailed(run, false, "RunTask failure: " + message);
            case REJECTED -> pass.attemptFailed(run, false, "RunTask rejected the call: " + message);
            case THROTTLED, SERVER_ERROR -> pass.runs.put(run.id(), run.resendAt(
                    pass.now.plus(pass.job.task().backoff().initial()), "RunTask " + result.outcome() + ": " + message));
            case TOKEN_CONFLICT -> {
                if (result.task() != null) { // the attempt's task ECS named: follow it like one we just started
                    pass.heard.add(run.id());
                    pass.runs.put(run.id(), run.started(result.taskArn(), false, pass.now));
                } else {
                    pass.finish(run, JobRunResult.Unknown, "attempt " + run.attempt() + " was started before with "
                            + "other parameters (an older spec, or other subnets chosen by the daemon before a restart) "
                            + "and ECS named no task; how it ended is unknown, and it is not started again: " + message);
                }
            }
        }
    }
}
