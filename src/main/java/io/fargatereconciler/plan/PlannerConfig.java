package io.fargatereconciler.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * The planner's settings (the loop maps its {@code reconciler.*} {@code @ConfigMapping} to this). Defaults are in
 * {@link #DEFAULTS}:
 *
 * @param ownerId                 the {@code startedBy} of every task we launch; only tasks with this
 *                                {@code startedBy} and our group tag are ever stopped ("fargate-reconciler", at
 *                                most 128 characters)
 * @param maxStopsPerPass         StopTask calls one pass may plan, over all groups (10)
 * @param expectationTimeout      how long after a launch (or stop) an observation may still not show it before
 *                                the planner stops expecting it (2 min)
 * @param launchBudget            the highest RunTask rates (the account's published Fargate rates minus a reserve:
 *                                15 calls/s burst 75, 15 tasks/s burst 75), halved on throttling and grown back by
 *                                3 tasks/s per minute
 * @param slowStartInitialBatch   copies a recovering group may have pending at once after a failure (1)
 * @param throttlePauseInitial    the loop's pause after a throttled or failed ECS call, doubled per consecutive
 *                                one (2 s)
 * @param throttlePauseMax        the longest such pause (1 min)
 * @param rememberStoppedTasksFor how long a stopped copy stays remembered as already counted; longer than the
 *                                observer reports a stopped task (ECS describes STOPPED tasks for at least 1 h) (3 h)
 * @param orphanStopAfter         how long copies of ours whose group is not declared are left running before they
 *                                are stopped; null: never stopped, only reported (the default)
 */
public record PlannerConfig(String ownerId, int maxStopsPerPass, Duration expectationTimeout,
                            LaunchBudget.Limits launchBudget, int slowStartInitialBatch,
                            Duration throttlePauseInitial, Duration throttlePauseMax,
                            Duration rememberStoppedTasksFor, Duration orphanStopAfter) {

    public static final PlannerConfig DEFAULTS = new PlannerConfig(Ownership.DEFAULT_OWNER_ID, 10,
            Duration.ofMinutes(2), LaunchBudget.Limits.DEFAULT, 1, Duration.ofSeconds(2), Duration.ofMinutes(1),
            Duration.ofHours(3), null);

    /** Settings that never stop orphans. */
    public PlannerConfig(String ownerId, int maxStopsPerPass, Duration expectationTimeout,
                         LaunchBudget.Limits launchBudget, int slowStartInitialBatch, Duration throttlePauseInitial,
                         Duration throttlePauseMax, Duration rememberStoppedTasksFor) {
        this(ownerId, maxStopsPerPass, expectationTimeout, launchBudget, slowStartInitialBatch, throttlePauseInitial,
                throttlePauseMax, rememberStoppedTasksFor, null);
    }

    public PlannerConfig {
        if (ownerId == null || ownerId.isBlank() || ownerId.length() > 128) {
            throw new IllegalArgumentException("owner id must be 1..128 characters (it is the tasks' startedBy)");
        }
        Objects.requireNonNull(launchBudget, "launchBudget");
        if (maxStopsPerPass < 1) {
            throw new IllegalArgumentException("max stops per pass must be at least 1");
        }
        if (slowStartInitialBatch < 1) {
            throw new IllegalArgumentException("slow-start initial batch must be at least 1");
        }
        requirePositive(expectationTimeout, "expectation timeout");
        requirePositive(throttlePauseInitial, "throttle pause initial");
        requirePositive(throttlePauseMax, "throttle pause max");
        requirePositive(rememberStoppedTasksFor, "remember stopped tasks for");
        if (orphanStopAfter != null) {
            requirePositive(orphanStopAfter, "orphan stop-after (reconciler.orphans.stop-after)");
        }
        if (throttlePauseMax.compareTo(throttlePauseInitial) < 0) {
            throw new IllegalArgumentException("throttle pause max must not be below throttle pause initial");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    public PlannerConfig withMaxStopsPerPass(int stops) {
        return new PlannerConfig(ownerId, stops, expectationTimeout, launchBudget, slowStartInitialBatch,
                throttlePauseInitial, throttlePauseMax, rememberStoppedTasksFor, orphanStopAfter);
    }

    public PlannerConfig withLaunchBudget(LaunchBudget.Limits limits) {
        return new PlannerConfig(ownerId, maxStopsPerPass, expectationTimeout, limits, slowStartInitialBatch,
                throttlePauseInitial, throttlePauseMax, rememberStoppedTasksFor, orphanStopAfter);
    }

    /** These settings, stopping orphans once they have been orphaned for {@code after} (null: never). */
    public PlannerConfig withOrphanStopAfter(Duration after) {
        return new PlannerConfig(ownerId, maxStopsPerPass, expectationTimeout, launchBudget, slowStartInitialBatch,
                throttlePauseInitial, throttlePauseMax, rememberStoppedTasksFor, after);
    }
}
