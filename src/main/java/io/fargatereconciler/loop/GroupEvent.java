package io.fargatereconciler.loop;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a group, for the status API: {@code type} is one of Launched, LaunchFailed,
 * StartFailed, Stopped, Exited, StopRequested. {@code taskArn} may be null (a failed RunTask has none).
 */
public record GroupEvent(Instant at, String type, String reason, String taskArn) {
    public GroupEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }
}
