package io.fargatereconciler.plan.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * {@code attemptLaunchedAt} is when the current attempt was first sent, {@code lastHeardAt} the last time it was
 * sent or a RunTask answer or an observation told us about it, {@code lastSeenLiveAt} the last time its task was seen
 * live (null if never): together they bound how long ECS surely remembers the attempt's clientToken.
 * {@code replayed} marks a run this daemon may not have been the first to launch (started after a daemon start, when
 * the past is unknown, or recognised from a task's tags): its current attempt, and the ones after it, may have been
 * sent before. It clears once an attempt's task is seen live, since no later attempt can have been sent before that.
 * {@code subnets} are the subnets the current attempt was (or is being) sent with, chosen by subnet steering when it
 * was first planned and kept for every re-send of it: ECS answers a clientToken re-sent with other parameters with a
 * ConflictException, not with the task it started. Empty until the attempt is first planned; a new attempt (a new
 * clientToken) is steered afresh.
 */
public record JobRun(JobRunId id, String specHash, Phase phase, int attempt, String taskArn, Instant nextAttemptAt,
                     Instant attemptLaunchedAt, Instant lastHeardAt, Instant lastSeenLiveAt, int startFailures,
                     int taskFailures, Instant firstLaunchedAt, Instant runningAt, String lastFailure,
                     boolean replayed, List<String> subnets) {

    /** What is known of the current attempt. */
    public enum Phase { WAITING, LAUNCHING, STARTED, RUNNING }

    /** ECS remembers a clientToken for the task's life plus one hour, and for 24 hours at most. */
    static final Duration TOKEN_AFTER_STOP = Duration.ofHours(1);
    private static final Duration TOKEN_AT_MOST = Duration.ofHours(23); // an hour's margin below 24 h

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
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
    }

    /** A new run whose first attempt is due at {@code at}. */
    static JobRun due(JobRunId id, String specHash, Instant at, boolean replayed) {
        return new JobRun(id, specHash, Phase.WAITING, 1, null, at, null, null, null, 0, 0, null, null, null, replayed, List.of());
    }

    String clientToken() {
        return id.clientToken(attempt);
    }

    boolean hasLaunched() {
        return firstLaunchedAt != null;
    }

    /**
     * Until when re-sending the current attempt's clientToken surely cannot start a second task. Its task, if any,
     * was created no earlier than the attempt's first send (for a replayed scheduled run: its scheduled time, since
     * the daemon before us may have sent it) and stopped no earlier than it was last seen live; ECS remembers the
     * token an hour past the stop, and 24 hours after creation at most.
     */
    Instant tokenSurelyRememberedUntil() {
        Instant earliest = replayed && id.scheduledTime() != null ? id.scheduledTime() : attemptLaunchedAt;
        Instant alive = lastSeenLiveAt != null && lastSeenLiveAt.isAfter(earliest) ? lastSeenLiveAt : earliest;
        Instant afterStop = alive.plus(TOKEN_AFTER_STOP);
        Instant atMost = earliest.plus(TOKEN_AT_MOST);
        return afterStop.isBefore(atMost) ? afterStop : atMost;
    }

    /** The current attempt sent (again) at {@code now}, into {@code subnets} (those it was first sent with, if it was). */
    JobRun launching(Instant now, List<String> subnets) {
        Instant sentFirst = attemptLaunchedAt == null ? now : attemptLaunchedAt;
        return new JobRun(id, specHash, Phase.LAUNCHING, attempt, taskArn, null, sentFirst, now, lastSeenLiveAt,
                startFailures, taskFailures, firstLaunchedAt == null ? now : firstLaunchedAt, runningAt, lastFailure, replayed,
                this.subnets.isEmpty() ? subnets : this.subnets);
    }

    /**
     * For a replayed scheduled run: from when on launching an attempt that may have been sent before could start a
     * second task (ECS may have forgotten the clientToken of an earlier daemon's attempt); null otherwise.
     */
    Instant replayUnsafeFrom() {
        return replayed && id.scheduledTime() != null ? id.scheduledTime().plus(TOKEN_AFTER_STOP) : null;
    }

    /** Its task {@code arn} is there and has not reached RUNNING; {@code live}: seen not stopped. */
    JobRun started(String arn, boolean live, Instant now) {
        return new JobRun(id, specHash, phase == Phase.RUNNING ? Phase.RUNNING : Phase.STARTED, attempt, arn, null,
                attemptLaunchedAt, now, live ? now : lastSeenLiveAt, startFailures, taskFailures, firstLaunchedAt,
                runningAt, lastFailure, replayed && !live, subnets);
    }

    /** Its task {@code arn} reached RUNNING at {@code runningSince}; {@code live}: seen not stopped. */
    JobRun running(String arn, Instant runningSince, boolean live, Instant now) {
        return new JobRun(id, specHash, Phase.RUNNING, attempt, arn, null, attemptLaunchedAt, now,
                live ? now : lastSeenLiveAt, startFailures, taskFailures, firstLaunchedAt,
                runningAt == null ? runningSince : runningAt, lastFailure, replayed && !live, subnets);
    }

    /** The same attempt again at {@code at} with the same clientToken (the call was throttled or its answer lost). */
    JobRun resendAt(Instant at, String why) {
        return new JobRun(id, specHash, Phase.WAITING, attempt, null, at, attemptLaunchedAt, lastHeardAt,
                lastSeenLiveAt, startFailures, taskFailures, firstLaunchedAt, runningAt, why, replayed, subnets);
    }

    /** The next attempt at {@code at}, after a failure of the current one. */
    JobRun nextAttemptAt(Instant at, boolean taskFailure, String why) {
        return new JobRun(id, specHash, Phase.WAITING, attempt + 1, null, at, null, null, null,
                taskFailure ? startFailures : startFailures + 1, taskFailure ? taskFailures + 1 : taskFailures,
                firstLaunchedAt, runningAt, why, replayed, List.of());
    }

    /** The current attempt's task failed and there is no next attempt. */
    JobRun lastTaskFailure(String why) {
        return new JobRun(id, specHash, phase, attempt, taskArn, nextAttemptAt, attemptLaunchedAt, lastHeardAt,
                lastSeenLiveAt, startFailures, taskFailures + 1, firstLaunchedAt, runningAt, why, replayed, subnets);
    }

    /** This run as a history entry. */
    JobRunRecord finished(JobRunResult result, Instant at, String reason) {
        int attempts = attemptLaunchedAt != null ? attempt : attempt - 1;
        return new JobRunRecord(id, specHash, result, firstLaunchedAt, runningAt, at, attempts, startFailures,
                taskFailures, reason, taskArn);
    }
}
