package io.fargatereconciler.observe;

/** The Fargate task lifecycle, in order. */
public enum TaskStatus {
    PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED;

    /** PROVISIONING..RUNNING: a copy that is, or is becoming, available. */
    public boolean isLive() {
        return compareTo(RUNNING) <= 0;
    }

    /** Parses an ECS status string; unknown values (a newer ECS) count as PROVISIONING rather than failing. */
    public static TaskStatus parse(String status) {
        if (status == null) {
            return PROVISIONING;
        }
        try {
            return valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return PROVISIONING;
        }
    }
}
