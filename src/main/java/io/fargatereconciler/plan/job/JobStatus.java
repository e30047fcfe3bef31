package io.fargatereconciler.plan.job;

import io.fargatereconciler.desired.ResourceKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A Job as the status API shows it: its schedule, whether it is suspended, the last scheduled time dealt with and
 * the next one, the runs in progress and the bounded history (newest first). {@code schedule},
 * {@code lastScheduleTime} and {@code nextScheduleTime} are null for a Job without schedule; {@code nextLookAt} is
 * when the planner wants to look again (a retry, a scheduled time, an overdue answer), null if only a change needs it.
 */
public record JobStatus(ResourceKey job, String schedule, ZoneId timeZone, boolean suspended,
                        Instant lastScheduleTime, Instant nextScheduleTime, List<JobRun> active,
                        List<JobRunRecord> history, Instant nextLookAt) {
    public JobStatus {
        Objects.requireNonNull(job, "job");
        active = List.copyOf(active);
        history = List.copyOf(history);
    }
}
