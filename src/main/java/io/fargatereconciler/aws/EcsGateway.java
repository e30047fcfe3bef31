package io.fargatereconciler.aws;

import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.StopResult;

/**
 * The ECS calls the reconciler makes, translated to our records. Every expected failure comes back as an
 * {@link EcsResult} value (throttled, unavailable, rejected); implementations decide nothing.
 */
public interface EcsGateway extends EcsTaskReader {

    /**
     * RunTask for {@code launch}, marked with our startedBy and ownership tags, in the planner's terms: started
     * (with failures[] entries), clientToken reused or in conflict, throttled, server error or rejected.
     * Throws {@link MutationRefused} when the gateway's {@link MutationPermit} refuses an attempt (nothing was sent
     * for it).
     */
    LaunchResult runTask(Launch launch);

    /**
     * StopTask for a task we own; the reason ECS records starts with {@code StopClassifier.OWN_STOP_PREFIX}. Throws
     * {@link MutationRefused} as {@link #runTask} does.
     */
    StopResult stopTask(Stop stop);
}
