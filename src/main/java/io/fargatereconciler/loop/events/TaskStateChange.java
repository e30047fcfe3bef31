package io.fargatereconciler.loop.events;

import java.util.Objects;

/**
 * The part of an EventBridge "ECS Task State Change" event the intake uses. {@code startedBy} is null when the task
 * has none; {@code version} is the event's {@code detail.version} (it grows with every change of the task), 0 when the
 * event carries none. ECS events do not carry the task's tags.
 */
public record TaskStateChange(String eventId, String taskArn, String clusterArn, String lastStatus,
                              String desiredStatus, String startedBy, long version) {
    public static final long NO_VERSION = 0;

    public TaskStateChange {
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(clusterArn, "clusterArn");
    }
}
