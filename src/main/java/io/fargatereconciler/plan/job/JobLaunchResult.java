package io.fargatereconciler.plan.job;

import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import java.util.Objects;

/**
 * What came of one Job {@link io.fargatereconciler.plan.Launch} (one task), for
 * {@link JobPlanner#afterLaunch}. Make one with the static factories, one per way a RunTask call can end. A launch
 * the loop did not send (launch budget spent, shutting down) is reported as {@link #throttled}.
 *
 * @param task    the task RunTask returned, as described in its answer (STARTED, TOKEN_REUSED), or the task a
 *                ConflictException named (TOKEN_CONFLICT, its state unknown), else null
 * @param message the failures[] reason or the error text, else null
 * @param cause   the classified failures[] reason (FAILED), may be null
 */
public record JobLaunchResult(Outcome outcome, ObservedTask task, String message, StopCause cause) {

    /** How a RunTask call ended. */
    public enum Outcome {
        /** ECS started the task. */
        STARTED,
        /** ECS answered with a failures[] entry instead of a task (capacity, ENI, ...): a start failure. */
        FAILED,
        /** ECS returned an earlier, STOPPED task for this clientToken instead of starting one: the attempt had landed. */
        TOKEN_REUSED,
        /**
         * ConflictException: the clientToken was used before with other parameters (an older spec, other subnets); ECS
         * names the task it started then.
         */
        TOKEN_CONFLICT,
        /** Rate limited, or not sent at all: nothing started. */
        THROTTLED,
        /** A 5xx or timeout after the gateway's retries: the task may or may not have started. */
        SERVER_ERROR,
        /** Any other client error (invalid parameters, missing task definition, access denied): nothing started. */
        REJECTED
    }

    public JobLaunchResult {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.STARTED || outcome == Outcome.TOKEN_REUSED) && task == null) {
            throw new IllegalArgumentException(outcome + " needs the task");
        }
    }

    public String taskArn() {
        return task == null ? null : task.taskArn();
    }

    public static JobLaunchResult started(ObservedTask task) {
        return new JobLaunchResult(Outcome.STARTED, task, null, null);
    }

    public static JobLaunchResult failed(String reason, StopCause cause) {
        return new JobLaunchResult(Outcome.FAILED, null, reason, cause);
    }

    public static JobLaunchResult tokenReused(ObservedTask task) {
        return new JobLaunchResult(Outcome.TOKEN_REUSED, task, null, null);
    }

    /** A ConflictException; {@code task}: the task ECS named in {@code resourceIds}, null when it named none. */
    public static JobLaunchResult tokenConflict(String message, ObservedTask task) {
        return new JobLaunchResult(Outcome.TOKEN_CONFLICT, task, message, null);
    }

    public static JobLaunchResult throttled(String message) {
        return new JobLaunchResult(Outcome.THROTTLED, null, message, null);
    }

    public static JobLaunchResult serverError(String message) {
        return new JobLaunchResult(Outcome.SERVER_ERROR, null, message, null);
    }

    public static JobLaunchResult rejected(String message) {
        return new JobLaunchResult(Outcome.REJECTED, null, message, null);
    }
}
