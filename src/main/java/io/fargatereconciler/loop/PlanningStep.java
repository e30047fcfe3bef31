package io.fargatereconciler.loop;

import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.aws.LaunchOutcome;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Stop;
import java.time.Instant;

/**
 * The planner as the loop sees it: plan a pass from desired and observed state, then learn what the actions did.
 * The planner's memory (expectations, backoff, budget) lives behind it, so a restarted daemon starts a fresh one.
 */
public interface PlanningStep {
    PassPlan plan(DesiredState desired, ObservedState observed, Instant now);

    void launched(Launch launch, EcsResult<LaunchOutcome> result, Instant now);

    void stopped(Stop stop, EcsResult<ObservedTask> result, Instant now);

    /** An observation of {@code cluster} failed (throttled or unavailable): a reason to slow the whole loop. */
    void observationFailed(String cluster, EcsResult<?> result, Instant now);

    /** Launches in flight that ECS does not list yet. */
    int expectationsInFlight();
}
