package io.fargatereconciler.plan.job;

import io.fargatereconciler.observe.ContainerExit;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;

/**
 * How a STOPPED task of a Job run ended, and whose fault that was. Failures of the platform (the task never
 * started: ENI timeout, no IP, image pull, capacity; or Spot/maintenance termination) are retried without using up
 * {@code backoffLimit}, as Kubernetes pod failure policies and Netflix Titus separate system errors from user
 * errors; only the task's own failures (an essential container exited non-zero) count.
 */
record TaskOutcome(Kind kind, String reason) {

    enum Kind {
        /** Every essential container exited 0. */
        SUCCEEDED,
        /** The platform's fault: retried, not counted against backoffLimit. */
        SYSTEM_FAILURE,
        /** Stopped by us while stalled in PROVISIONING, never started: retried at once, not counted. */
        STALLED,
        /**
         * Stopped by us for a stall, but ECS shows it had started by then (the task left PROVISIONING between our
         * observation and the StopTask): its containers may have run, so the run is not retried.
         */
        STALL_STOP_AFTER_START,
        /** The task's own failure: retried while backoffLimit allows. */
        TASK_FAILURE,
        /** StopTask by a person or another system: the run fails, not retried. */
        STOPPED_BY_USER,
        /** StopTask by this reconciler (a newer run replaced it). */
        STOPPED_BY_RECONCILER
    }

    static TaskOutcome of(ObservedTask task) {
        StopCause cause = task.stopCause();
        String stopped = task.stoppedReason() == null ? "" : ": " + task.stoppedReason();
        if (cause == StopCause.ENI_PROVISIONING_STALLED) {
            return task.startedAt() == null ? new TaskOutcome(Kind.STALLED, cause + stopped)
                    : new TaskOutcome(Kind.STALL_STOP_AFTER_START, "stopped by fargate-reconciler for a stall in "
                    + "PROVISIONING, but it had started by then (started at " + task.startedAt() + ")" + stopped);
        }
        if (cause != null && (cause.isStartFailure() || cause == StopCause.PLATFORM_TERMINATION)) {
            return new TaskOutcome(Kind.SYSTEM_FAILURE, cause + stopped);
        }
        if (cause == StopCause.STOPPED_BY_USER) {
            return new TaskOutcome(Kind.STOPPED_BY_USER, "stopped by a person or another system" + stopped);
        }
        if (cause == StopCause.STOPPED_BY_RECONCILER) {
            return new TaskOutcome(Kind.STOPPED_BY_RECONCILER, "stopped by fargate-reconciler" + stopped);
        }
        ContainerExit failed = null;
        boolean anyEssential = false;
        for (ContainerExit container : task.containers()) {
            if (container.essential()) {
                anyEssential = true;
                if (failed == null && !Integer.valueOf(0).equals(container.exitCode())) {
                    failed = container;
                }
            }
        }
        if (anyEssential && failed == null) {
            return new TaskOutcome(Kind.SUCCEEDED, "every essential container exited 0");
        }
        if (failed != null) {
            String code = failed.exitCode() == null ? "without an exit code" : "with code " + failed.exitCode();
            String why = failed.reason() == null ? "" : " (" + failed.reason() + ")";
            return new TaskOutcome(Kind.TASK_FAILURE, "container " + failed.name() + " exited " + code + why);
        }
        return new TaskOutcome(Kind.TASK_FAILURE, "task stopped" + (stopped.isEmpty() ? " without a reason" : stopped));
    }
}
