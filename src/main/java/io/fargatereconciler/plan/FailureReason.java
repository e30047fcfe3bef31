package io.fargatereconciler.plan;

import io.fargatereconciler.observe.StopCause;

/**
 * Why a group's launches are failing, as the {@code Degraded} condition's reason. Every value counts towards the
 * group's backoff; throttling and ECS server errors never do (they pause the whole loop instead).
 */
public enum FailureReason {
    /** "Timeout waiting for network interface provisioning to complete". */
    EniProvisioningFailed,
    /** A copy stayed in PROVISIONING far past recent healthy starts and was stopped and replaced (a stall). */
    EniProvisioningStalled,
    /** The subnet had no free IP address for the task's network interface. */
    SubnetIpExhausted,
    /** Another ResourceInitializationError: secrets, EFS, logging, ENI attachment. */
    ResourceInitializationFailed,
    /** The container image could not be pulled. */
    ImagePullFailed,
    /** No Fargate (Spot) capacity. */
    CapacityUnavailable,
    /** A RunTask {@code failures[]} entry ECS gave no more specific reason for. */
    LaunchFailing,
    /** RunTask refused the request itself (bad parameters, missing task definition, access denied). */
    LaunchRejected,
    /** A copy reached RUNNING, then stopped by itself before running steadily ({@code resetAfter}). */
    TaskExitedEarly;

    /** The reason for a copy that stopped with {@code cause}; causes that are not start failures mean an early exit. */
    public static FailureReason of(StopCause cause) {
        if (cause == null) {
            return TaskExitedEarly;
        }
        return switch (cause) {
            case ENI_PROVISIONING_TIMEOUT -> EniProvisioningFailed;
            case ENI_PROVISIONING_STALLED -> EniProvisioningStalled;
            case SUBNET_IP_EXHAUSTED -> SubnetIpExhausted;
            case RESOURCE_INITIALIZATION -> ResourceInitializationFailed;
            case IMAGE_PULL -> ImagePullFailed;
            case CAPACITY_UNAVAILABLE -> CapacityUnavailable;
            default -> TaskExitedEarly;
        };
    }
}
