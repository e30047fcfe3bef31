package io.fargatereconciler.loop;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.job.JobStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read model behind {@code /api/v1/jobs}: every desired Job's status after the last pass (schedule, runs in
 * progress, bounded history). The reconcile loop writes it; readers on other threads get immutable copies.
 */
public final class JobStatusBook {
    private final Map<ResourceKey, JobReport> jobs = new TreeMap<>();

    /** Takes a pass's job statuses; jobs no longer desired are forgotten. */
    public synchronized void planned(DesiredState desired, Map<ResourceKey, JobStatus> statuses) {
        Map<ResourceKey, JobReport> kept = new TreeMap<>();
        for (Job job : desired.jobs()) {
            JobStatus status = statuses.get(job.key());
            if (status != null) {
                kept.put(job.key(), new JobReport(status, job.task().cluster(), job.completeWhen(),
                        job.concurrencyPolicy()));
            } else if (jobs.containsKey(job.key())) {
                kept.put(job.key(), jobs.get(job.key()));
            }
        }
        jobs.clear();
        jobs.putAll(kept);
    }

    public synchronized List<JobReport> all() {
        return List.copyOf(jobs.values());
    }

    public synchronized Optional<JobReport> get(ResourceKey job) {
        return Optional.ofNullable(jobs.get(job));
    }
}
