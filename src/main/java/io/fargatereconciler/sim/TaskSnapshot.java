package io.fargatereconciler.sim;

import java.time.Instant;
import java.util.Map;

/**
 * A task as the simulator holds it at one moment (for tests and the admin API; the ECS API is the real interface).
 * Timestamps are null while not set. {@code doomed}: its start was bound to fail when RunTask placed it (an ENI failure,
 * no free IP, an image that cannot be pulled); a task that is not doomed would have reached RUNNING unless stopped.
 */
public record TaskSnapshot(String taskArn, String cluster, String family, String startedBy, String group,
                           String lastStatus, String desiredStatus, String subnetId, String availabilityZone,
                           String privateIp, String stopCode, String stoppedReason, Instant createdAt,
                           Instant startedAt, Instant stoppedAt, Map<String, String> tags, boolean doomed) {
}
