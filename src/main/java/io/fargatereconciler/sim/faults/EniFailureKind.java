package io.fargatereconciler.sim.faults;

/** How a task whose ENI cannot be provisioned ends, with the text Fargate writes into {@code stoppedReason}. */
public enum EniFailureKind {
    /** Stays in PROVISIONING until the ENI timeout, then stops. */
    TIMEOUT("Timeout waiting for network interface provisioning to complete."),
    /** The ENI was created but could not be set up; the task fails at the same point. */
    RESOURCE_INITIALIZATION("ResourceInitializationError: failed to configure ENI: failed to setup regular eni: "
            + "netplugin failed with no error message");

    private final String stoppedReason;

    EniFailureKind(String stoppedReason) {
        this.stoppedReason = stoppedReason;
    }

    public String stoppedReason() {
        return stoppedReason;
    }
}
