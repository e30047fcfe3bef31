package io.fargatereconciler.loop.leader;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing of the lease. The leader renews every {@code renewEvery}; it counts itself leader until
 * {@code lease - safetyMargin} after the start of its last successful renewal, so it stops acting before any other
 * replica (which waits out the full {@code lease} after it last saw a renewal) can take over. Standby replicas try to
 * take the lease every {@code standbyPoll}. A leader that dies is replaced within about
 * {@code lease + 2 x standbyPoll}; one that shuts down gracefully releases the lease and is replaced within one
 * {@code standbyPoll}.
 */
public record LeaseTiming(Duration lease, Duration renewEvery, Duration safetyMargin, Duration standbyPoll) {

    public static final LeaseTiming DEFAULTS = new LeaseTiming(
            Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2));

    public LeaseTiming {
        requirePositive(lease, "lease-duration");
        requirePositive(renewEvery, "heartbeat");
        requirePositive(standbyPoll, "standby-poll");
        Objects.requireNonNull(safetyMargin, "safety-margin");
        if (safetyMargin.isNegative() || safetyMargin.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("reconciler.leader.safety-margin (" + safetyMargin
                    + ") must be at least 0 and shorter than reconciler.leader.lease-duration (" + lease + ")");
        }
        if (renewEvery.multipliedBy(2).compareTo(lease.minus(safetyMargin)) > 0) {
            throw new IllegalArgumentException("reconciler.leader.heartbeat (" + renewEvery + ") must be at most half"
                    + " of lease-duration minus safety-margin (" + lease.minus(safetyMargin)
                    + "), so one lost renewal does not cost leadership");
        }
    }

    /** How long one successful renewal lets this replica act. */
    public Duration validity() {
        return lease.minus(safetyMargin);
    }

    private static void requirePositive(Duration value, String property) {
        Objects.requireNonNull(value, property);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("reconciler.leader." + property + " must be positive, was " + value);
        }
    }
}
