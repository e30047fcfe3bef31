package io.fargatereconciler.plan;

import io.fargatereconciler.observe.StopCause;

/**
 * One entry of RunTask's {@code failures[]}: ECS's {@code arn}, {@code reason} and {@code detail} (each may be
 * null), and {@code cause} as the gateway classified the reason (null when it could not; the planner then reports
 * {@link FailureReason#LaunchFailing}).
 */
public record LaunchFailure(String arn, String reason, String detail, StopCause cause) {
    FailureReason failureReason() {
        return cause == null ? FailureReason.LaunchFailing : FailureReason.of(cause);
    }

    String message() {
        String text = reason == null ? "RunTask failure" : reason;
        return detail == null || detail.isBlank() ? text : text + " (" + detail + ")";
    }
}
