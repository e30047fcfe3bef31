package io.fargatereconciler.plan.subnet;

import java.time.Duration;
import java.util.Objects;

/**
 * When a task still in PROVISIONING counts as stalled, and how subnets without a recent successful start are probed
 * (the loop maps {@code reconciler.stall.*} to this). The threshold is {@code factor} times the {@code quantile} of
 * how long recent healthy starts took to leave PROVISIONING, within {@code [floor, cap]}; the cap is used while too
 * few starts are known. Defaults in {@link #DEFAULTS}.
 *
 * @param enabled            stop and replace stalled tasks (off: stalls are neither detected nor stopped; ECS's own
 *                           timeout ends them)
 * @param quantile           which quantile of recent provisioning times (0.99)
 * @param factor             the threshold is this many times that quantile (1.5)
 * @param floor              never below this (30 s)
 * @param cap                never above this, and the threshold while too few starts are known (90 s); keep it well
 *                           under ECS's own provisioning timeout, which users see after 10 to 30 minutes
 * @param minSamples         starts needed before the threshold is learned rather than the cap (100); at least
 *                           {@code 1 / (1 - quantile)}: fewer starts cannot tell that quantile
 * @param window             recent starts remembered across the account (2000; per subnet a quarter of it)
 * @param probeBatch         tasks a subnet without a recent successful start may have starting at once (2); 0 turns
 *                           probing off
 * @param probeCheckInterval how often the loop looks again while a probe is still PROVISIONING (5 s)
 * @param recentSuccess      a start older than this no longer proves a subnet healthy; its next launches probe
 *                           first (30 min)
 */
public record StallSettings(boolean enabled, double quantile, double factor, Duration floor, Duration cap,
                            int minSamples, int window, int probeBatch, Duration probeCheckInterval,
                            Duration recentSuccess) {
    public static final StallSettings DEFAULTS = new StallSettings(true, 0.99, 1.5, Duration.ofSeconds(30),
            Duration.ofSeconds(90), 100, 2000, 2, Duration.ofSeconds(5), Duration.ofMinutes(30));

    public StallSettings {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("reconciler.stall.quantile must be between 0 and 1 (exclusive), was "
                    + quantile);
        }
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("reconciler.stall.factor must be at least 1, was " + factor);
        }
        requirePositive(floor, "floor");
        requirePositive(cap, "cap");
        requirePositive(probeCheckInterval, "probe-check-interval");
        requirePositive(recentSuccess, "recent-success");
        if (cap.compareTo(floor) < 0) {
            throw new IllegalArgumentException("reconciler.stall.cap (" + cap + ") must not be below "
                    + "reconciler.stall.floor (" + floor + ")");
        }
        long needed = Math.round(1 / (1 - quantile));
        if (minSamples < needed || window < 4 * minSamples) {
            throw new IllegalArgumentException("reconciler.stall: need min-samples >= 1 / (1 - quantile) = " + needed
                    + " (fewer starts cannot tell that quantile) and window >= 4 x min-samples, was " + minSamples
                    + " and " + window);
        }
        if (probeBatch < 0) {
            throw new IllegalArgumentException("reconciler.stall.probe-batch must not be negative");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, "reconciler.stall." + name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("reconciler.stall." + name + " must be positive, was " + value);
        }
    }

    /** Whether subnets without a recent successful start get probes before the full launch rate. */
    public boolean probes() {
        return probeBatch > 0;
    }

    /** How many recent starts one subnet remembers. */
    int subnetWindow() {
        return window / 4;
    }
}
