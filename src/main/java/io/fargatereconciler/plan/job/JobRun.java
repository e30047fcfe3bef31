package io.fargatereconciler.plan.job;

import java.time.Instant;
import java.util.Objects;

/**
 * A run that has not finished yet, as the planner remembers it between passes. The current attempt (1-based) is
 * {@code attempt}; what we know of it is {@code phase}:
 * <ul>
 *   <li>{@link Phase#WAITING}: attempt {@code attempt} is to be launched at {@code nextAttemptAt} (after a backoff);</li>
 *   <li>{@link Phase#LAUNCHING}: its RunTask was planned; no task seen yet;</li>
 *   <li>{@link Phase#STARTED}: its task {@code taskArn} exists but has not reached RUNNING;</li>
 *   <li>{@link Phase#RUNNING}: its task reached RUNNING (a {@code completeWhen: Succeeded} run waits for the exit).</li>
 * </ul>
 * {@code attemptLaunchedAt} is when the current attempt was first sent (its clientToken is safe to re-send for
 * a day after), {@code lastHeardAt} the last time a RunTask answer or an observation told us about it.
 */
public record JobRun(JobRunId id, String specHash, Phase phase, int attempt, String taskArn, Instant nextAttemptAt,
                     Instant attemptLaunchedAt, Instant lastHeardAt, int startFailures, int taskFailures,
                     Instant firstLaunchedAt, Instant runningAt, String lastFailure) {

    /** What is known of the current attempt. */
    public enum Phase { WAITING, LAUNCHING, STARTED, RUNNING }

    public JobRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(specHash, "specHash");
        Objects.requireNonNull(phase, "phase");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based, was " + attempt);
        }
        if (phase == Phase.WAITING) {
            Objects.requireNonNull(nextAttemptAt, "a waiting run needs nextAttemptAt");
        } else {
            Objects.requireNonNull(attemptLaunchedAt, "a launched attempt needs attemptLaunchedAt");
            Objects.requireNonNull(lastHeardAt, "a launched attempt needs lastHeardAt");
        }
        if (startFailures < 0 || taskFailures < 0) {
            throw new IllegalArgumentException("failure counts must not be negative");
        }
    }

    /** A new run whose first attempt is due at {@code at}. */
    static JobRun due(JobRunId id, String specHash, Instant at) {
        return new JobRun(id, specHash, Phase.WAITING, 1, null, at, null, null, 0, 0, null, null, null);
    }

    String clientToken() {
        return id.clientToken(attempt);
    }

    boolean hasLaunched() {
        return firstLaunchedAt != null;
    }

    JobRun launching(Instant now) {
        Instant sentFirst = attemptLaunchedAt == null ? now : attemptLaunchedAt;
        return new JobRun(id, specHash, Phase.LAUNCHING, attempt, taskArn, null, sentFirst, now, startFailures,
                taskFailures, firstLaunchedAt == null ? now : firstLaunchedAt, runningAt, lastFailure);
    }

    JobRun started(String arn, Instant now) {
        return new JobRun(id, specHash, phase == Phase.RUNNING ? Phase.RUNNING : Phase.STARTED, attempt, arn, null,
                attemptLaunchedAt, now, startFailures, taskFailures, firstLaunchedAt, runningAt, lastFailure);
    }

    JobRun running(String arn, Instant runningSince, Instant now) {
        return new JobRun(id, specHash, Phase.RUNNING, attempt, arn, null, attemptLaunchedAt, now, startFailures,
                taskFailures, firstLaunchedAt, runningAt == null ? runningSince : runningAt, lastFailure);
    }

    /** The same attempt again at {@code at} with the same clientToken (the call was throttled or its answer lost). */
    JobRun resendAt(Instant at, String why) {
        return new JobRun(id, specHash, Phase.WAITING, attempt, null, at, attemptLaunchedAt, lastHeardAt,
                startFailures, taskFailures, firstLaunchedAt, runningAt, why);
    }

    /** The next attempt at {@code at}, after a failure of the current one. */
    JobRun nextAttemptAt(Instant at, boolean taskFailure, String why) {
        return new JobRun(id, specHash, Phase.WAITING, attempt + 1, null, at, null, null,
                taskFailure ? startFailures : startFailures + 1, taskFailure ? taskFailures + 1 : taskFailures,
                firstLaunchedAt, runningAt, why);
    }

    /** The current attempt's task failed and there is no next attempt. */
    JobRun lastTaskFailure(String why) {
        return new JobRun(id, specHash, phase, attempt, taskArn, nextAttemptAt, attemptLaunchedAt, lastHeardAt,
                startFailures, taskFailures + 1, firstLaunchedAt, runningAt, why);
    }

    /** This run as a history entry. */
    JobRunRecord finished(JobRunResult result, Instant at, String reason) {
        int attempts = attemptLaunchedAt != null ? attempt : attempt - 1;
        return new JobRunRecord(id, specHash, result, firstLaunchedAt, runningAt, at, attempts, startFailures,
                taskFailures, reason, taskArn);
    }
}
