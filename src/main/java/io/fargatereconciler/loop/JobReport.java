package io.fargatereconciler.loop;

import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.ConcurrencyPolicy;
import io.fargatereconciler.plan.job.JobStatus;
import java.util.Objects;

/** What the status API shows for one Job: the planner's {@link JobStatus} of the last pass, with the job's settings. */
public record JobReport(JobStatus status, String cluster, CompleteWhen completeWhen, ConcurrencyPolicy concurrencyPolicy) {
    public JobReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cluster, "cluster");
    }
}
