package io.fargatereconciler.aws;

/**
 * One RunTask {@code failures[]} entry, e.g. reason "Capacity is unavailable at this time. Please try again later
 * or in a different availability zone". {@code arn} and {@code detail} may be null.
 */
public record LaunchFailure(String arn, String reason, String detail) {
    public LaunchFailure {
        reason = reason == null ? "unknown" : reason;
    }
}
