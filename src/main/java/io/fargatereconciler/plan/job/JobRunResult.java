package io.fargatereconciler.plan.job;

/** How a Job run ended. Only {@link #Succeeded} counts towards {@code successfulJobsHistoryLimit}. */
public enum JobRunResult {
    /** Completed as {@code completeWhen} asks (reached RUNNING, or every essential container exited 0). */
    Succeeded,
    /** The task itself failed more than {@code backoffLimit} times, was stopped by a person, or could not start
     * before its {@code startingDeadlineSeconds} passed. */
    Failed,
    /** Never started: later than {@code startingDeadlineSeconds}, or passed while the daemon was not planning. */
    Missed,
    /** Never started: the previous run was still active and {@code concurrencyPolicy} is Forbid. */
    Skipped,
    /** Stopped (or not retried) because a newer run replaced it (concurrencyPolicy Replace, or a new spec). */
    Replaced,
    /** The run was started before (its clientToken was already used) but how it ended can no longer be learned. */
    Unknown;

    /** Counts towards {@code failedJobsHistoryLimit}: every result but Succeeded. */
    public boolean keptAsFailed() {
        return this != Succeeded;
    }

    /** Worth a JobFailed notification: the run was due and did not complete. */
    public boolean isFailure() {
        return this == Failed || this == Missed;
    }
}
