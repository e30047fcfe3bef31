package io.fargatereconciler.plan.job;

import io.fargatereconciler.desired.NotificationEvent;
import io.fargatereconciler.desired.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a Job in a planning pass, for the log, metrics and notifications. Each is reported
 * once, in the pass that saw it happen (a restarted daemon may report a run's end a second time: at least once).
 */
public sealed interface JobEvent {
    ResourceKey job();

    Instant at();

    /** The notification this event is worth, if any ({@link io.fargatereconciler.desired.Notifications#on()} filters). */
    Optional<NotificationEvent> notification();

    /** A run's task reached RUNNING for the first time; {@code scheduleDelay} is how late that was. */
    record RunStarted(ResourceKey job, JobRunId run, Instant at, Duration scheduleDelay, int startFailures)
            implements JobEvent {
        public RunStarted {
            Objects.requireNonNull(run, "run");
        }

        @Override
        public Optional<NotificationEvent> notification() {
            return startFailures > 0 ? Optional.of(NotificationEvent.StartedAfterFailures) : Optional.empty();
        }
    }

    /** An attempt failed; {@code countsAgainstBackoffLimit} only for the task's own failures. */
    record AttemptFailed(ResourceKey job, JobRunId run, int attempt, boolean countsAgainstBackoffLimit, String reason,
                         Instant at, Instant nextAttemptAt) implements JobEvent {
        @Override
        public Optional<NotificationEvent> notification() {
            return Optional.empty();
        }
    }

    /** A run finished (including skipped and replaced runs and scheduled times missed by deadline). */
    record RunFinished(ResourceKey job, JobRunRecord record) implements JobEvent {
        @Override
        public Instant at() {
            return record.finishedAt();
        }

        @Override
        public Optional<NotificationEvent> notification() {
            if (record.result() == JobRunResult.Succeeded) {
                return Optional.of(NotificationEvent.JobSucceeded);
            }
            return record.result().isFailure() ? Optional.of(NotificationEvent.JobFailed) : Optional.empty();
        }
    }

    /**
     * Scheduled times from {@code first} to {@code last} ({@code count} of them) passed while this Job was not
     * planned (the daemon was stopped, paused or could not reach ECS) and were not started: only the most recent
     * time after such a gap is started, never a burst. One event, one notification, however many were missed.
     */
    record RunsMissed(ResourceKey job, long count, Instant first, Instant last, Instant at) implements JobEvent {
        @Override
        public Optional<NotificationEvent> notification() {
            return Optional.of(NotificationEvent.JobFailed);
        }
    }
}
