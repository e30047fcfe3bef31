package io.fargatereconciler.plan.job;

import io.fargatereconciler.observe.ObservedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides which new run is due: for a scheduled Job the most recent scheduled time not yet dealt with (never a
 * burst of catch-up runs: the times before it are recorded as missed), for a Job without schedule its current spec
 * hash; then applies {@code concurrencyPolicy} against the runs still active.
 */
final class RunScheduler {
    /**
     * On the first pass after the daemon started nothing is known of the past. A scheduled time before now is then
     * started only if it is at most this old (and within startingDeadlineSeconds): any run of it that already
     * happened stopped less than an hour ago, so ECS still remembers its clientToken and returns it instead of
     * starting it again (ECS keeps a token for the task's life plus one hour, at least).
     */
    static final Duration RESTART_CATCH_UP_WINDOW = JobRun.TOKEN_AFTER_STOP;

    private RunScheduler() {
    }

    static void startDueRuns(JobPass pass) {
        if (pass.job.scheduled()) {
            CronSchedule cron = CronSchedule.parse(pass.job.schedule(), pass.job.timeZone());
            if (pass.scheduledThrough == null) {
                afterDaemonStart(pass, cron);
            } else {
                afterLastPass(pass, cron);
            }
        } else {
            boolean pastUnknown = pass.scheduledThrough == null;
            pass.scheduledThrough = pass.now; // from now on this daemon knows what it launched
            JobRunId id = JobRunId.forSpec(pass.job.metadata().name(), pass.job.task().specHash());
            if (!pass.job.suspend() && !pass.known(id)) {
                admit(pass, id, pastUnknown);
            }
        }
    }

    private static void afterDaemonStart(JobPass pass, CronSchedule cron) {
        Optional<Instant> latest = cron.latestAtOrBefore(pass.now);
        pass.scheduledThrough = latest.orElse(pass.now);
        if (latest.isEmpty() || pass.job.suspend()) {
            return;
        }
        Duration window = RESTART_CATCH_UP_WINDOW;
        if (pass.job.startingDeadlineSeconds() != null) {
            Duration deadline = Duration.ofSeconds(pass.job.startingDeadlineSeconds());
            window = deadline.compareTo(window) < 0 ? deadline : window;
        }
        if (Duration.between(latest.get(), pass.now).compareTo(window) <= 0) {
            startScheduled(pass, latest.get(), true);
        }
    }

    private static void afterLastPass(JobPass pass, CronSchedule cron) {
        Optional<DueTimes> due = DueTimes.between(cron, pass.scheduledThrough, pass.now, pass.job.failedJobsHistoryLimit());
        if (due.isEmpty()) {
            return;
        }
        Instant latest = due.get().latest();
        pass.scheduledThrough = latest;
        if (pass.job.suspend()) {
            return; // times passed while suspended are neither started nor recorded
        }
        recordMissed(pass, due.get());
        Long deadline = pass.job.startingDeadlineSeconds();
        Duration late = Duration.between(latest, pass.now);
        if (deadline != null && late.getSeconds() > deadline) {
            String name = pass.job.metadata().name();
            pass.record(JobRunRecord.notStarted(JobRunId.scheduled(name, latest), pass.job.task().specHash(),
                    JobRunResult.Missed, pass.now, "not started: planned " + late.getSeconds() + " s after its "
                            + "scheduled time, more than startingDeadlineSeconds " + deadline), true);
            return;
        }
        startScheduled(pass, latest, false);
    }

    private static void recordMissed(JobPass pass, DueTimes due) {
        if (due.missedCount() == 0) {
            return;
        }
        Instant lastMissed = due.recentMissed().isEmpty() ? due.firstMissed() : due.recentMissed().get(0);
        String reason = "not started: the job was not planned from " + due.firstMissed() + " until " + pass.now
                + " (daemon stopped, paused or unable to reach ECS); after such a gap only the most recent scheduled"
                + " time (" + due.latest() + ") may start";
        String name = pass.job.metadata().name();
        for (int i = due.recentMissed().size() - 1; i >= 0; i--) {
            Instant time = due.recentMissed().get(i);
            pass.record(JobRunRecord.notStarted(JobRunId.scheduled(name, time), pass.job.task().specHash(),
                    JobRunResult.Missed, pass.now, reason), false);
        }
        pass.events.add(new JobEvent.RunsMissed(pass.key, due.missedCount(), due.firstMissed(), lastMissed, pass.now));
    }

    private static void startScheduled(JobPass pass, Instant time, boolean pastUnknown) {
        JobRunId id = JobRunId.scheduled(pass.job.metadata().name(), time);
        if (!pass.known(id)) {
            admit(pass, id, pastUnknown);
        }
    }

    /**
     * Creates run {@code id} unless concurrencyPolicy says otherwise; {@code pastUnknown}: a daemon before this one
     * may have launched it already (see {@link JobRun#replayed()}).
     */
    private static void admit(JobPass pass, JobRunId id, boolean pastUnknown) {
        List<JobRun> active = pass.runs.values().stream().filter(run -> !run.id().equals(id)).toList();
        List<ObservedTask> live = pass.liveTasks();
        if (!active.isEmpty() || !live.isEmpty()) {
            String previous = !active.isEmpty() ? "run " + active.get(0).id().tagValue() : "task " + live.get(0).taskArn();
            switch (pass.job.concurrencyPolicy()) {
                case Allow -> { }
                case Forbid -> {
                    if (pass.job.scheduled()) {
                        pass.record(JobRunRecord.notStarted(id, pass.job.task().specHash(), JobRunResult.Skipped,
                                pass.now, "skipped: " + previous + " is still active (concurrencyPolicy: Forbid)"), true);
                    }
                    return; // a Job without schedule starts its new spec once the previous run has ended
                }
                case Replace -> {
                    String reason = "fargate-reconciler: replaced by run " + id.tagValue() + " (concurrencyPolicy: Replace)";
                    live.forEach(task -> pass.stop(task, reason));
                    active.forEach(run -> pass.finish(run, JobRunResult.Replaced, reason));
                }
            }
        }
        pass.runs.put(id, JobRun.due(id, pass.job.task().specHash(), pass.now, pastUnknown));
    }
}
