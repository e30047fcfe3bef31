package io.fargatereconciler.plan;

import io.fargatereconciler.observe.ObservedTask;
import java.util.List;
import java.util.Objects;

/**
 * What came of carrying out one {@link Launch}; the loop hands it to {@link Planner#afterLaunch}. Make one with
 * the static factories, one per way a RunTask call can end.
 *
 * @param outcome         how the call ended
 * @param taskArns        tasks RunTask returned that are not STOPPED (STARTED), the already STOPPED tasks it
 *                        returned instead of launching (TOKEN_REUSED), or the tasks a ConflictException named in
 *                        {@code resourceIds} (TOKEN_CONFLICT: the earlier call's, in any state); empty otherwise
 * @param failures        RunTask's {@code failures[]} entries (STARTED only)
 * @param message         the error text for THROTTLED, SERVER_ERROR, REJECTED and TOKEN_CONFLICT
 * @param tasks           the tasks as RunTask's answer described them (STARTED, TOKEN_REUSED), when the gateway
 *                        had them; a Job learns from them at once how an attempt ECS returned for its token ended
 */
public record LaunchResult(Outcome outcome, List<String> taskArns, List<LaunchFailure> failures, String message,
                           List<ObservedTask> tasks) {

    /** How a RunTask call ended. */
    public enum Outcome {
        /** ECS answered with tasks[] and/or failures[]. */
        STARTED,
        /** ECS answered with tasks that had already STOPPED: our clientToken was remembered from an earlier call. */
        TOKEN_REUSED,
        /**
         * ConflictException: the clientToken was used earlier with other parameters; that call did land, and ECS names
         * its tasks in {@code resourceIds}.
         */
        TOKEN_CONFLICT,
        /** ThrottlingException (or another rate-limit answer): nothing was started. */
        THROTTLED,
        /** A 5xx, a timeout or a broken connection after the gateway's retries: tasks may or may not have started. */
        SERVER_ERROR,
        /** Any other client error (invalid parameters, missing task definition, access denied): nothing started. */
        REJECTED
    }

    public LaunchResult {
        Objects.requireNonNull(outcome, "outcome");
        taskArns = taskArns == null ? List.of() : List.copyOf(taskArns);
        failures = failures == null ? List.of() : List.copyOf(failures);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** This result with the tasks RunTask described. */
    public LaunchResult withTasks(List<ObservedTask> described) {
        return new LaunchResult(outcome, taskArns, failures, message, described);
    }

    public static LaunchResult started(List<String> taskArns, List<LaunchFailure> failures) {
        return new LaunchResult(Outcome.STARTED, taskArns, failures, null, List.of());
    }

    public static LaunchResult tokenReused(List<String> stoppedTaskArns) {
        return new LaunchResult(Outcome.TOKEN_REUSED, stoppedTaskArns, List.of(), null, List.of());
    }

    /** A ConflictException that named no task. */
    public static LaunchResult tokenConflict(String message) {
        return tokenConflict(message, List.of());
    }

    /** A ConflictException naming in {@code resourceIds} the tasks the token launched earlier. */
    public static LaunchResult tokenConflict(String message, List<String> resourceIds) {
        return new LaunchResult(Outcome.TOKEN_CONFLICT, resourceIds, List.of(), message, List.of());
    }

    public static LaunchResult throttled(String message) {
        return new LaunchResult(Outcome.THROTTLED, List.of(), List.of(), message, List.of());
    }

    public static LaunchResult serverError(String message) {
        return new LaunchResult(Outcome.SERVER_ERROR, List.of(), List.of(), message, List.of());
    }

    public static LaunchResult rejected(String message) {
        return new LaunchResult(Outcome.REJECTED, List.of(), List.of(), message, List.of());
    }
}
