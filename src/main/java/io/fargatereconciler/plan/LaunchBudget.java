package io.fargatereconciler.plan;

import java.time.Duration;
import java.time.Instant;

/**
 * The token buckets every RunTask call draws from, shared by all groups: one token per call and one per task
 * asked for. Buckets refill continuously at their rate up to their burst. A fresh budget ({@code refilledAt}
 * null) is full. Tokens may go below zero when the loop carried out more than was planned; they then refill
 * from there, so the average rate still holds.
 */
public record LaunchBudget(double callTokens, double taskTokens, Instant refilledAt) {

    /**
     * Rates and bursts. The defaults (10 calls/s burst 20, 10 tasks/s burst 20) sit well below ECS's Fargate
     * RunTask throttling defaults (20 calls/s and 20 tasks/s, burst 100), leaving room for other RunTask users
     * of the account.
     */
    public record Limits(double callsPerSecond, int callBurst, double tasksPerSecond, int taskBurst) {
        public static final Limits DEFAULT = new Limits(10, 20, 10, 20);

        public Limits {
            if (!(callsPerSecond > 0) || !(tasksPerSecond > 0)) {
                throw new IllegalArgumentException("launch budget rates must be positive");
            }
            if (callBurst < 1 || taskBurst < 1) {
                throw new IllegalArgumentException("launch budget bursts must be at least 1");
            }
        }
    }

    /** A budget never refilled yet: its first {@link #refill} fills both buckets to their burst. */
    public static final LaunchBudget FRESH = new LaunchBudget(0, 0, null);

    /** The budget at {@code now}; a clock that went backwards refills nothing. */
    public LaunchBudget refill(Limits limits, Instant now) {
        if (refilledAt == null) {
            return new LaunchBudget(limits.callBurst(), limits.taskBurst(), now);
        }
        if (!now.isAfter(refilledAt)) {
            return new LaunchBudget(Math.min(callTokens, limits.callBurst()), Math.min(taskTokens, limits.taskBurst()),
                    refilledAt);
        }
        double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
        return new LaunchBudget(
                Math.min(limits.callBurst(), callTokens + seconds * limits.callsPerSecond()),
                Math.min(limits.taskBurst(), taskTokens + seconds * limits.tasksPerSecond()),
                now);
    }

    /** How many tasks one more call may ask for now: 0 when no call token is left. */
    public int tasksForNextCall() {
        if (callTokens < 1) {
            return 0;
        }
        return (int) Math.min(Launch.MAX_COUNT_PER_CALL, Math.floor(Math.max(0, taskTokens)));
    }

    public LaunchBudget spend(int calls, int tasks) {
        return new LaunchBudget(callTokens - calls, taskTokens - tasks, refilledAt);
    }

    /** When one more call for one task becomes affordable (at {@code refilledAt} if it already is). */
    public Instant nextCallAt(Limits limits) {
        double waitForCall = Math.max(0, (1 - callTokens) / limits.callsPerSecond());
        double waitForTask = Math.max(0, (1 - taskTokens) / limits.tasksPerSecond());
        long nanos = (long) Math.ceil(Math.max(waitForCall, waitForTask) * 1e9);
        return refilledAt.plusNanos(nanos);
    }
}
