package io.fargatereconciler.desired;

/** State changes worth a message to people (never one per attempt). */
public enum NotificationEvent {
    /** A group or job became Degraded (launches keep failing). */
    Degraded,
    /** A Degraded group or job is healthy again. */
    Recovered,
    /** A task reached RUNNING after one or more failed starts. */
    StartedAfterFailures,
    /** A job run completed. */
    JobSucceeded,
    /** A job run failed for good (backoffLimit used up or deadline missed). */
    JobFailed
}
