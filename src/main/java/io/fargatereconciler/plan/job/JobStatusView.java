package io.fargatereconciler.plan.job;

import io.fargatereconciler.desired.Job;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/** Builds a {@link JobStatus} from a job and the planner's memory of it. */
final class JobStatusView {
    private JobStatusView() {
    }

    static JobStatus of(Job job, JobMemory memory, Instant now, Instant nextLookAt) {
        Instant lastStarted = Stream.concat(
                        memory.runs().stream().filter(JobRun::hasLaunched).map(run -> run.id().scheduledTime()),
                        memory.history().stream().filter(record -> record.launchedAt() != null)
                                .map(JobRunRecord::scheduledTime))
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        Instant next = job.scheduled() && !job.suspend()
                ? CronSchedule.parse(job.schedule(), job.timeZone()).nextAfter(now).orElse(null) : null;
        return new JobStatus(job.key(), job.schedule(), job.timeZone(), job.suspend(), lastStarted, next,
                memory.runs(), memory.history(), nextLookAt);
    }
}
