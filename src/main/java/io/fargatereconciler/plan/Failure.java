package io.fargatereconciler.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * One failed start of a group's copy, as remembered for backoff and shown on the status API.
 * {@code taskArn} and {@code subnetId} are null when ECS did not name them (a RunTask {@code failures[]} entry
 * without an ARN, a rejected call).
 */
public record Failure(FailureReason reason, String message, Instant at, String taskArn, String subnetId) {
    public Failure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        message = message == null || message.isBlank() ? reason.name() : message;
    }
}
