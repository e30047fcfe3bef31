package io.fargatereconciler.sim.ecs;

/** The stopCode and stoppedReason texts Fargate writes, kept in one place so docs and tests can name them. */
public final class StopReasons {
    public static final String TASK_FAILED_TO_START = "TaskFailedToStart";
    public static final String ESSENTIAL_CONTAINER_EXITED = "EssentialContainerExited";
    public static final String USER_INITIATED = "UserInitiated";

    public static final String ESSENTIAL_CONTAINER_EXITED_REASON = "Essential container in task exited";
    public static final String STOPPED_BY_USER_REASON = "Task stopped by user";

    private StopReasons() {
    }

    /** The reason of a task whose ENI could not get an address. */
    public static String ipExhausted(String subnetId) {
        return "Unexpected EC2 error while attempting to Create Network Interface in subnet '" + subnetId
                + "': InsufficientFreeAddressesInSubnet";
    }

    /** The reason (task and container) of a failed image pull. */
    public static String cannotPull(String image) {
        return "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
                + image + ": failed to do request: dial tcp: i/o timeout";
    }
}
