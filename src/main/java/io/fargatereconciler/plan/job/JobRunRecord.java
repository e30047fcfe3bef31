package io.fargatereconciler.plan.job;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished run, as kept in the bounded history and shown on the status API. {@code launchedAt} is the first
 * RunTask of the run, {@code runningAt} when a task of it first reached RUNNING (both null if it never got that far),
 * {@code attempts} how many tasks were launched, split into failures that were the platform's
 * ({@code startFailures}: never counted against backoffLimit) and the task's own ({@code taskFailures}).
 */
public record JobRunRecord(JobRunId run, String specHash, JobRunResult result, Instant launchedAt, Instant runningAt,
                           Instant finishedAt, int attempts, int startFailures, int taskFailures, String reason,
                           String taskArn) {
    public JobRunRecord {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(reason, "reason");
        if (attempts < 0 || startFailures < 0 || taskFailures < 0) {
            throw new IllegalArgumentException("attempt counts must not be negative");
        }
    }

    /** A run that never launched anything (missed, skipped). */
    static JobRunRecord notStarted(JobRunId run, String specHash, JobRunResult result, Instant at, String reason) {
        return new JobRunRecord(run, specHash, result, null, null, at, 0, 0, 0, reason, null);
    }

    /** The time the run was scheduled for; null for a Job without schedule. */
    public Instant scheduledTime() {
        return run.scheduledTime();
    }
}
