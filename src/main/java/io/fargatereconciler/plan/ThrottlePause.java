package io.fargatereconciler.plan;

import java.time.Duration;
import java.time.Instant;

/**
 * The pause of the whole loop after ECS throttled us or answered with a server error. These are never a group's
 * fault, so they do not count towards any group's backoff; instead nothing is launched or stopped until
 * {@code until}. The dev-mode seeding of the embedded simulator paces its calls with it too. Each consecutive throttle doubles the pause from {@code initial} up to {@code max}; any
 * accepted call ends the streak.
 */
public record ThrottlePause(int consecutive, Instant until) {
    public static final ThrottlePause NONE = new ThrottlePause(0, null);

    public ThrottlePause {
        if (consecutive < 0) {
            throw new IllegalArgumentException("consecutive must not be negative");
        }
    }

    public boolean holds(Instant now) {
        return until != null && now.isBefore(until);
    }

    /** The pause after one more throttled (or server-failed) call at {@code now}. */
    public ThrottlePause afterThrottle(Instant now, Duration initial, Duration max) {
        int count = consecutive + 1;
        Duration pause = initial.multipliedBy(1L << Math.min(20, count - 1));
        if (pause.compareTo(max) > 0) {
            pause = max;
        }
        Instant end = now.plus(pause);
        return new ThrottlePause(count, until != null && until.isAfter(end) ? until : end);
    }

    /** An accepted call ends the streak; a pause already running is served out. */
    public ThrottlePause afterAccepted() {
        return consecutive == 0 ? this : new ThrottlePause(0, until);
    }
}
