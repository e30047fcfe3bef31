package io.fargatereconciler.api;

import io.fargatereconciler.loop.JobReport;
import io.fargatereconciler.plan.job.JobRun;
import io.fargatereconciler.plan.job.JobRunRecord;
import io.fargatereconciler.plan.job.JobStatus;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shape of one Job on the status API: its schedule, the runs in progress and the bounded history (newest
 * first), each run with its scheduled time, start, end, attempts, result and reason. {@code nextLookAt} is when the
 * reconciler looks at the job again because a timer ends (a retry, the next scheduled time).
 */
public record JobStatusView(String kind, String name, String cluster, String schedule, String timeZone,
                            boolean suspended, String completeWhen, String concurrencyPolicy, Instant lastScheduleTime,
                            Instant nextScheduleTime, Instant nextLookAt, List<ActiveRun> active,
                            List<FinishedRun> history) {

    /** A run in progress: {@code phase} is WAITING (for its next attempt), LAUNCHING, STARTED or RUNNING. */
    public record ActiveRun(String run, Instant scheduledTime, String phase, int attempt, String taskArn,
                            Instant nextAttemptAt, Instant launchedAt, Instant runningAt, int startFailures,
                            int taskFailures, String lastFailure) {
        static ActiveRun of(JobRun run) {
            return new ActiveRun(run.id().tagValue(), run.id().scheduledTime(), run.phase().name(), run.attempt(),
                    run.taskArn(), run.nextAttemptAt(), run.firstLaunchedAt(), run.runningAt(), run.startFailures(),
                    run.taskFailures(), run.lastFailure());
        }
    }

    /** A finished run: {@code startedAt} is its first launch, {@code runningAt} when a task of it reached RUNNING. */
    public record FinishedRun(String run, Instant scheduledTime, String result, Instant startedAt, Instant runningAt,
                              Instant endedAt, int attempts, int startFailures, int taskFailures, String reason,
                              String taskArn) {
        static FinishedRun of(JobRunRecord record) {
            return new FinishedRun(record.run().tagValue(), record.scheduledTime(), record.result().name(),
                    record.launchedAt(), record.runningAt(), record.finishedAt(), record.attempts(),
                    record.startFailures(), record.taskFailures(), record.reason(), record.taskArn());
        }
    }

    static JobStatusView of(JobReport report) {
        JobStatus status = report.status();
        return new JobStatusView(status.job().kind().name(), status.job().name(), report.cluster(), status.schedule(),
                status.timeZone().getId(), status.suspended(), report.completeWhen().name(),
                report.concurrencyPolicy().name(), status.lastScheduleTime(), status.nextScheduleTime(),
                status.nextLookAt(), status.active().stream().map(ActiveRun::of).toList(),
                status.history().stream().map(FinishedRun::of).toList());
    }
}
