package io.fargatereconciler.sim.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * A time window, relative to the simulator's start, in which every ENI of a subnet fails.
 *
 * @param start    offset from simulator start
 * @param duration length of the outage
 */
public record OutageWindow(Duration start, Duration duration) {
    public OutageWindow {
        Objects.requireNonNull(start, "outages[].start is required (e.g. 10m)");
        Objects.requireNonNull(duration, "outages[].duration is required (e.g. 1h)");
        if (start.isNegative() || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("outages[]: start must be >= 0 and duration > 0, was " + start + " / "
                    + duration);
        }
    }
}
