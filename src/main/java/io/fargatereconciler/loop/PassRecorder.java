package io.fargatereconciler.loop;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.plan.job.JobRunResult;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import io.fargatereconciler.plan.subnet.TestEniOutcome;
import java.time.Duration;
import java.time.Instant;

/** What the loop reports as it goes, for metrics. Every method has a no-op default. */
public interface PassRecorder {
    /** A pass ended; {@code failed} when it ended on an unexpected error. */
    default void passFinished(Duration took, boolean failed) {
    }

    /** One RunTask call's result: ok, failed (failures[]), throttled, unavailable or rejected; {@code copies} asked for. */
    default void launch(ResourceKey group, String result, int copies) {
    }

    /** One of our tasks was seen STOPPED, with its cause and the subnet it was placed in (may be null). */
    default void taskStopped(ResourceKey group, StopCause cause, String subnetId) {
    }

    /** A StopTask we sent for {@code reason} (scale-down, roll...). */
    default void stopRequested(ResourceKey group, String result) {
    }

    /** One of our tasks was found stalled in PROVISIONING in {@code subnetId} (counted once per task). */
    default void taskStalled(String subnetId) {
    }

    /** ECS accepted our StopTask for a task of {@code group} stalled in PROVISIONING. */
    default void stallStopped(ResourceKey group) {
    }

    /** The launch budget's rate after a pass, in tasks per second (it halves on throttling, grows back slowly). */
    default void launchBudget(double tasksPerSecond) {
    }

    /** The subnets' health after a pass (for per-subnet gauges). */
    default void subnetHealth(SubnetHealthBook book, Instant now) {
    }

    /** A test-ENI diagnosis ran in the subnet. */
    default void testEni(String subnetId, TestEniOutcome.Result result) {
    }

    /** ECS answered ThrottlingException to {@code operation}. */
    default void throttled(String operation) {
    }

    /** A Job run ended ({@code count} of them: a gap in planning may miss several scheduled times at once). */
    default void jobRunsFinished(ResourceKey job, JobRunResult result, long count) {
    }

    /** A Job run's task reached RUNNING {@code scheduleDelay} after its scheduled time (or its first launch). */
    default void jobRunStarted(ResourceKey job, Duration scheduleDelay) {
    }

    /** A Job attempt failed: {@code taskFailure} when the task itself failed (counts against backoffLimit). */
    default void jobAttemptFailed(ResourceKey job, boolean taskFailure) {
    }
}
