package io.fargatereconciler.observe;

/**
 * Why a task stopped (or never started), classified from stopCode, stoppedReason and container exits.
 * {@link #isStartFailure()} causes are the platform's fault: they feed backoff and subnet health but never
 * a Job's backoffLimit.
 */
public enum StopCause {
    /** "Timeout waiting for network interface provisioning to complete" (TaskFailedToStart). */
    ENI_PROVISIONING_TIMEOUT(true),
    /**
     * Stopped by this reconciler because it stayed in PROVISIONING far longer than recent healthy starts (its ENI
     * never came): the subnet's failure, counted like an ENI timeout, only found sooner.
     */
    ENI_PROVISIONING_STALLED(true),
    /** The subnet had no free IP address for the task's ENI. */
    SUBNET_IP_EXHAUSTED(true),
    /** Another ResourceInitializationError (secrets, EFS, logging, ENI attach...). */
    RESOURCE_INITIALIZATION(true),
    /** The container image could not be pulled (CannotPullContainerError). */
    IMAGE_PULL(true),
    /** No Fargate / Fargate Spot capacity, or a RunTask failures[] entry. */
    CAPACITY_UNAVAILABLE(true),
    /** Spot interruption or platform maintenance (TerminationNotice / ServiceSchedulerInitiated outside us). */
    PLATFORM_TERMINATION(false),
    /** An essential container exited (code 0 = success for jobs). */
    ESSENTIAL_CONTAINER_EXITED(false),
    /** StopTask by a person or another system. */
    STOPPED_BY_USER(false),
    /** StopTask by this reconciler (scale-down, roll, Replace). */
    STOPPED_BY_RECONCILER(false),
    /** Anything else; the reason text is kept. */
    OTHER(false);

    private final boolean startFailure;

    StopCause(boolean startFailure) {
        this.startFailure = startFailure;
    }

    public boolean isStartFailure() {
        return startFailure;
    }
}
