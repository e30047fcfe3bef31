package io.fargatereconciler.loop;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.Action;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the planner wants from one pass: the actions, in order, and for groups waiting on a timer (backoff,
 * budget, expectation timeout) when to look at them again.
 */
public record PassPlan(List<Action> actions, Map<ResourceKey, Instant> requeueAt) {
    public PassPlan {
        actions = List.copyOf(actions);
        requeueAt = Map.copyOf(requeueAt);
    }
}
