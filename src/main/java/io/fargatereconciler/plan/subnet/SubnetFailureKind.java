package io.fargatereconciler.plan.subnet;

import io.fargatereconciler.observe.StopCause;
import java.util.Optional;

/** The failures that count against a subnet (other start failures say nothing about the subnet). */
public enum SubnetFailureKind {
    /** "Timeout waiting for network interface provisioning to complete". */
    ENI_PROVISIONING,
    /** A task stayed in PROVISIONING far past recent healthy starts (stopped and replaced before ECS's timeout). */
    ENI_PROVISIONING_STALLED,
    /** The subnet had no free IP address for the task's network interface. */
    IP_EXHAUSTED;

    /** The kind for a stop cause, empty for causes that are not the subnet's. */
    public static Optional<SubnetFailureKind> of(StopCause cause) {
        if (cause == StopCause.ENI_PROVISIONING_TIMEOUT) {
            return Optional.of(ENI_PROVISIONING);
        }
        if (cause == StopCause.ENI_PROVISIONING_STALLED) {
            return Optional.of(ENI_PROVISIONING_STALLED);
        }
        if (cause == StopCause.SUBNET_IP_EXHAUSTED) {
            return Optional.of(IP_EXHAUSTED);
        }
        return Optional.empty();
    }
}
