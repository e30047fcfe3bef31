package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** How the result of a carried-out action changes the planner's memory (see {@link Planner#afterLaunch}). */
final class ActionResults {
    private final PlannerConfig config;

    ActionResults(PlannerConfig config) {
        this.config = config;
    }

    PlannerMemory afterLaunch(PlannerMemory memory, Launch launch, LaunchResult result, Instant now) {
        ResourceKey key = launch.group();
        String spec = launch.task().specHash();
        GroupMemory group = memory.group(key);
        boolean throttled = result.outcome() == LaunchResult.Outcome.THROTTLED;
        PlannerMemory next = memory.withBudget(memory.budget().spend(1, throttled ? 0 : launch.count()));
        switch (result.outcome()) {
            case STARTED -> {
                group = group.withTokens(group.tokens().afterUse(launch.clientToken(), now))
                        .withExpectations(group.expectations().afterLaunch(result.taskArns(), spec, now))
                        .withLastLaunchAt(now);
                if (!result.taskArns().isEmpty()) {
                    group = group.withSlowStart(group.slowStart().afterLaunched());
                }
                if (!result.failures().isEmpty()) {
                    LaunchFailure first = result.failures().get(0);
                    Failure failure = new Failure(first.failureReason(), first.message(), now, first.arn(), null);
                    group = afterFailure(group, key, launch, failure, memory.seed(), now);
                }
                next = next.withPause(memory.pause().afterAccepted());
            }
            case TOKEN_REUSED -> {
                Map<String, Instant> known = new TreeMap<>(group.knownStopped());
                result.taskArns().forEach(arn -> known.putIfAbsent(arn, now));
                group = group.withTokens(group.tokens().afterUse(launch.clientToken(), now))
                        .withKnownStopped(known).withLastLaunchAt(now);
                next = next.withPause(memory.pause().afterAccepted());
            }
            case TOKEN_CONFLICT -> {
                // The token landed earlier with other parameters. ECS names that call's tasks: expect them until an
                // observation lists them. Without names, expect the call's copies blindly.
                Expectations expected = result.taskArns().isEmpty()
                        ? group.expectations().afterUnconfirmedLaunch(launch.count(), spec, now)
                        : group.expectations().afterLaunch(result.taskArns(), spec, now);
                group = group.withTokens(group.tokens().afterUse(launch.clientToken(), now))
                        .withExpectations(expected).withLastLaunchAt(now);
                next = next.withPause(memory.pause().afterAccepted());
            }
            case THROTTLED -> next = next.withPause(pauseAfterError(memory, now))
                    .withBudget(next.budget().afterThrottle(config.launchBudget(), now));
            case SERVER_ERROR -> {
                // Tasks may have started. The token stays unused, so the next call repeats it and ECS answers
                // with those tasks if they exist; until an observation settles it, expect them.
                group = group.withExpectations(group.expectations().afterUnconfirmedLaunch(launch.count(), spec, now));
                next = next.withPause(pauseAfterError(memory, now));
            }
            case REJECTED -> {
                Failure failure = new Failure(FailureReason.LaunchRejected, result.message(), now, null, null);
                group = afterFailure(group, key, launch, failure, memory.seed(), now).withLastLaunchAt(now);
                next = next.withPause(memory.pause().afterAccepted());
            }
        }
        return next.withGroup(key, group);
    }

    /**
     * A Job's launch: the budget is charged (and halved on throttling) and the pause kept as for any launch; the job's
     * part is its own.
     */
    PlannerMemory afterJobLaunch(PlannerMemory memory, Launch launch, LaunchResult result, Instant now) {
        boolean throttled = result.outcome() == LaunchResult.Outcome.THROTTLED;
        LaunchBudget spent = memory.budget().spend(1, throttled ? 0 : launch.count());
        PlannerMemory next = memory.withBudget(throttled ? spent.afterThrottle(config.launchBudget(), now) : spent);
        boolean troubled = throttled || result.outcome() == LaunchResult.Outcome.SERVER_ERROR;
        return next.withPause(troubled ? pauseAfterError(memory, now) : memory.pause().afterAccepted());
    }

    /** A Job's stop: only the loop's pause depends on it. */
    PlannerMemory afterJobStop(PlannerMemory memory, StopResult result, Instant now) {
        boolean troubled = result.outcome() == StopResult.Outcome.THROTTLED
                || result.outcome() == StopResult.Outcome.SERVER_ERROR;
        return memory.withPause(troubled ? pauseAfterError(memory, now) : memory.pause().afterAccepted());
    }

    /** An orphan's stop: remembered when ECS took it, so the copy is not stopped again while still listed live. */
    PlannerMemory afterOrphanStop(PlannerMemory memory, Stop stop, StopResult result, Instant now) {
        PlannerMemory next = result.outcome() == StopResult.Outcome.STOPPED
                ? memory.withOrphans(memory.orphans().afterStop(stop.group(), stop.taskArn(), now)) : memory;
        return afterJobStop(next, result, now);
    }

    PlannerMemory afterStop(PlannerMemory memory, Stop stop, StopResult result, Instant now) {
        return switch (result.outcome()) {
            case STOPPED -> {
                GroupMemory group = memory.group(stop.group());
                yield memory.withGroup(stop.group(), group.withExpectations(
                                group.expectations().afterStop(stop.taskArn(), now)))
                        .withPause(memory.pause().afterAccepted());
            }
            case NOT_FOUND, REJECTED -> memory.withPause(memory.pause().afterAccepted());
            // A stop that may not have happened is not expected: the next observation shows whether the copy is
            // still live, and StopTask is safe to repeat.
            case THROTTLED, SERVER_ERROR -> memory.withPause(pauseAfterError(memory, now));
        };
    }

    private GroupMemory afterFailure(GroupMemory group, ResourceKey key, Launch launch, Failure failure, long seed,
                                     Instant now) {
        Backoff backoff = group.backoff().afterFailure(failure, launch.task().specHash(), launch.task().backoff(),
                seed, key, now);
        return group.withBackoff(backoff).withSlowStart(SlowStart.afterFailure(config.slowStartInitialBatch()));
    }

    private ThrottlePause pauseAfterError(PlannerMemory memory, Instant now) {
        return memory.pause().afterThrottle(now, config.throttlePauseInitial(), config.throttlePauseMax());
    }
}
