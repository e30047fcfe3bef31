package io.fargatereconciler.plan;

import java.time.Duration;
import java.time.Instant;

/**
 * The token buckets every RunTask call draws from, shared by all groups: one token per call and one per task asked
 * for, at a rate that adapts to throttling (additive increase, multiplicative decrease, as TCP's congestion window).
 * It starts at the {@link Limits} (the account's published Fargate RunTask rates minus a reserve for other RunTask
 * users of the account), halves when ECS throttles a RunTask (at most once per {@link #DECREASE_GAP}: one throttling
 * episode is one halving) and grows back by {@code increasePerMinute} tasks per second each minute without throttling,
 * never above the limits and never below one task per second. Buckets refill continuously at the current rate up to a
 * burst scaled the same way. A fresh budget ({@code refilledAt} null) is full. Tokens may go below zero when the loop
 * carried out more than was planned; they then refill from there, so the average rate still holds.
 *
 * @param callTokens  call tokens left
 * @param taskTokens  task tokens left
 * @param refilledAt  when the buckets were last refilled; null for a fresh budget
 * @param share       the current rate as a share of the limits (1 = the limits)
 * @param decreasedAt when throttling last halved the rate; null if never
 */
public record LaunchBudget(double callTokens, double taskTokens, Instant refilledAt, double share,
                           Instant decreasedAt) {

    /** Throttled calls closer together than this are one throttling episode: the rate halves once. */
    static final Duration DECREASE_GAP = Duration.ofSeconds(5);

    /**
     * The highest rates and bursts (calls and tasks) and how fast a halved rate grows back. {@link #DEFAULT}: the ECS
     * Fargate RunTask defaults (20 calls/s and 20 tasks/s, burst 100 each) minus a reserve of 25 % for other RunTask
     * users of the account, so 15 calls/s and 15 tasks/s, burst 75; growing back by 3 tasks/s per minute.
     */
    public record Limits(double callsPerSecond, int callBurst, double tasksPerSecond, int taskBurst,
                         double increasePerMinute) {
        public static final Limits DEFAULT = belowAccount(20, 100, 20, 100, 0.25, 3);

        public Limits {
            if (!(callsPerSecond > 0) || !(tasksPerSecond > 0)) {
                throw new IllegalArgumentException("launch budget rates must be positive");
            }
            if (callBurst < 1 || taskBurst < 1) {
                throw new IllegalArgumentException("launch budget bursts must be at least 1");
            }
            if (!(increasePerMinute > 0)) {
                throw new IllegalArgumentException("reconciler.planner.launch-rate-increase-per-minute must be "
                        + "positive, was " + increasePerMinute);
            }
        }

        /** These rates and bursts, growing back by 3 tasks/s per minute after throttling. */
        public Limits(double callsPerSecond, int callBurst, double tasksPerSecond, int taskBurst) {
            this(callsPerSecond, callBurst, tasksPerSecond, taskBurst, 3);
        }

        /**
         * The account's published RunTask limits ({@code callsPerSecond} calls and {@code tasksPerSecond} tasks per
         * second, with their bursts) minus {@code reserve} (a share, 0 to below 1) for other RunTask users.
         */
        public static Limits belowAccount(double callsPerSecond, int callBurst, double tasksPerSecond, int taskBurst,
                                          double reserve, double increasePerMinute) {
            if (!(reserve >= 0 && reserve < 1)) {
                throw new IllegalArgumentException("reconciler.planner.launch-reserve must be at least 0 and below 1, "
                        + "was " + reserve);
            }
            double left = 1 - reserve;
            return new Limits(callsPerSecond * left, Math.max(1, (int) Math.floor(callBurst * left)),
                    tasksPerSecond * left, Math.max(1, (int) Math.floor(taskBurst * left)), increasePerMinute);
        }

        /** The lowest share: one task per second, or the limits when they are lower. */
        double minimumShare() {
            return Math.min(1, 1 / tasksPerSecond);
        }
    }

    /** A budget never refilled yet: its first {@link #refill} fills both buckets to their burst. */
    public static final LaunchBudget FRESH = new LaunchBudget(0, 0, null, 1, null);

    public LaunchBudget {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + share);
        }
    }

    /** The budget at {@code now}: the rate grown back and the buckets refilled; a clock that went backwards adds nothing. */
    public LaunchBudget refill(Limits limits, Instant now) {
        if (refilledAt == null) {
            return new LaunchBudget(burst(limits.callBurst()), burst(limits.taskBurst()), now, share, decreasedAt);
        }
        if (!now.isAfter(refilledAt)) {
            return new LaunchBudget(Math.min(callTokens, burst(limits.callBurst())),
                    Math.min(taskTokens, burst(limits.taskBurst())), refilledAt, share, decreasedAt);
        }
        double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
        Instant growingSince = decreasedAt != null && decreasedAt.isAfter(refilledAt) ? decreasedAt : refilledAt;
        double growing = now.isAfter(growingSince) ? Duration.between(growingSince, now).toNanos() / 1e9 : 0;
        double grown = Math.min(1, share + growing * limits.increasePerMinute() / 60 / limits.tasksPerSecond());
        LaunchBudget next = new LaunchBudget(callTokens, taskTokens, now, grown, decreasedAt);
        return new LaunchBudget(
                Math.min(next.burst(limits.callBurst()), callTokens + seconds * limits.callsPerSecond() * share),
                Math.min(next.burst(limits.taskBurst()), taskTokens + seconds * limits.tasksPerSecond() * share),
                now, grown, decreasedAt);
    }

    /** ECS throttled a RunTask at {@code now}: the rate halves, once per throttling episode. */
    LaunchBudget afterThrottle(Limits limits, Instant now) {
        if (decreasedAt != null && now.isBefore(decreasedAt.plus(DECREASE_GAP))) {
            return this;
        }
        LaunchBudget halved = new LaunchBudget(callTokens, taskTokens, refilledAt,
                Math.max(limits.minimumShare(), share / 2), now);
        return new LaunchBudget(Math.min(callTokens, halved.burst(limits.callBurst())),
                Math.min(taskTokens, halved.burst(limits.taskBurst())), refilledAt, halved.share(), now);
    }

    /** Tasks per second this budget allows now. */
    public double tasksPerSecond(Limits limits) {
        return limits.tasksPerSecond() * share;
    }

    /** How many tasks one more call may ask for now: 0 when no call token is left. */
    public int tasksForNextCall() {
        if (callTokens < 1) {
            return 0;
        }
        return (int) Math.min(Launch.MAX_COUNT_PER_CALL, Math.floor(Math.max(0, taskTokens)));
    }

    public LaunchBudget spend(int calls, int tasks) {
        return new LaunchBudget(callTokens - calls, taskTokens - tasks, refilledAt, share, decreasedAt);
    }

    /** When one more call for one task becomes affordable (at {@code refilledAt} if it already is). */
    public Instant nextCallAt(Limits limits) {
        double waitForCall = Math.max(0, (1 - callTokens) / (limits.callsPerSecond() * share));
        double waitForTask = Math.max(0, (1 - taskTokens) / (limits.tasksPerSecond() * share));
        long nanos = (long) Math.ceil(Math.max(waitForCall, waitForTask) * 1e9);
        return refilledAt.plusNanos(nanos);
    }

    private double burst(int limit) {
        return Math.max(1, Math.floor(limit * share));
    }
}
