package io.fargatereconciler.desired;

import java.time.ZoneId;
import java.util.Objects;

/**
 * {@code kind: Job}: run a task to completion. Without {@code schedule} it runs once per spec hash; with a
 * 5-field cron {@code schedule} (in {@code timeZone}, default UTC) once per scheduled time.
 * {@code startingDeadlineSeconds} null means no deadline.
 */
public record Job(Metadata metadata, SourceLocation source, TaskSpec task, String schedule, ZoneId timeZone,
                  int backoffLimit, ConcurrencyPolicy concurrencyPolicy, Long startingDeadlineSeconds,
                  CompleteWhen completeWhen, boolean suspend, int successfulJobsHistoryLimit,
                  int failedJobsHistoryLimit) implements DesiredResource {

    public static final int DEFAULT_BACKOFF_LIMIT = 6;
    public static final int DEFAULT_SUCCESSFUL_HISTORY = 3;
    public static final int DEFAULT_FAILED_HISTORY = 1;

    public Job {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(task, "task");
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        concurrencyPolicy = concurrencyPolicy == null ? ConcurrencyPolicy.Allow : concurrencyPolicy;
        completeWhen = completeWhen == null ? CompleteWhen.Succeeded : completeWhen;
        if (backoffLimit < 0 || successfulJobsHistoryLimit < 0 || failedJobsHistoryLimit < 0) {
            throw new IllegalArgumentException("backoffLimit and history limits must not be negative");
        }
        if (startingDeadlineSeconds != null && startingDeadlineSeconds < 1) {
            throw new IllegalArgumentException("startingDeadlineSeconds must be at least 1");
        }
    }

    public boolean scheduled() {
        return schedule != null;
    }

    @Override
    public Kind kind() {
        return Kind.Job;
    }
}
