package io.fargatereconciler.plan.subnet;

import io.fargatereconciler.observe.StopClassifier;
import java.time.Duration;
import java.util.Objects;

/**
 * A task of ours that has stayed in PROVISIONING longer than its subnet's {@link StallThreshold}: its network
 * interface is not coming, and it is evidence against the subnet long before ECS's own timeout stops it.
 *
 * @param taskArn   the task
 * @param cluster   its cluster
 * @param subnetId  where it was placed
 * @param age       how long it had been in PROVISIONING when last observed
 * @param threshold the threshold it passed
 */
public record Stall(String taskArn, String cluster, String subnetId, Duration age, StallThreshold threshold) {
    public Stall {
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(threshold, "threshold");
    }

    /**
     * The reason for StopTask (the gateway puts our own prefix before it, and ECS keeps 255 characters), recognised
     * by {@link StopClassifier#STALL_STOP_REASON}.
     */
    public String stopReason() {
        return StopClassifier.STALL_STOP_REASON + " for " + StallThreshold.seconds(age) + " in " + subnetId
                + ", over the stall threshold " + StallThreshold.seconds(threshold.value()) + " ("
                + threshold.basis() + "); replaced elsewhere";
    }
}
