package io.fargatereconciler.sim.ecs;

/** The Fargate task lifecycle, in order. */
public enum LifecycleStatus {
    PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED;

    /** PROVISIONING, PENDING and ACTIVATING: what DescribeClusters counts as pending. */
    public boolean isStarting() {
        return compareTo(RUNNING) < 0;
    }
}
