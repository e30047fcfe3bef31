package io.fargatereconciler.plan;

import java.util.Objects;

/** What came of carrying out one {@link Stop}; the loop hands it to {@link Planner#afterStop}. */
public record StopResult(Outcome outcome, String message) {

    /** How a StopTask call ended. */
    public enum Outcome {
        /** ECS accepted the stop. */
        STOPPED,
        /** The task is unknown to ECS (already gone): nothing to wait for. */
        NOT_FOUND,
        /** Rate-limited: nothing happened. */
        THROTTLED,
        /** A 5xx or timeout after the gateway's retries: the stop may or may not have happened. */
        SERVER_ERROR,
        /** Any other client error. */
        REJECTED
    }

    public StopResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static StopResult stopped() {
        return new StopResult(Outcome.STOPPED, null);
    }

    public static StopResult notFound() {
        return new StopResult(Outcome.NOT_FOUND, null);
    }

    public static StopResult throttled(String message) {
        return new StopResult(Outcome.THROTTLED, message);
    }

    public static StopResult serverError(String message) {
        return new StopResult(Outcome.SERVER_ERROR, message);
    }

    public static StopResult rejected(String message) {
        return new StopResult(Outcome.REJECTED, message);
    }
}
