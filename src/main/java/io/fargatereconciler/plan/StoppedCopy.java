package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.StopCause;
import java.time.Instant;

/**
 * A copy of ours seen STOPPED for the first time in this pass (reported once), for events and metrics such as
 * ENI failures by subnet. {@code failure} is the reason it counted towards the group's backoff, null if it did
 * not (stopped by a person, by us, by the platform, or an outdated copy).
 */
public record StoppedCopy(ResourceKey group, String cluster, String taskArn, String subnetId, StopCause cause,
                          String stoppedReason, Instant stoppedAt, FailureReason failure) {
}
