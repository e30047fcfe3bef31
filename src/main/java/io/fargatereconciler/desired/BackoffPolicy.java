package io.fargatereconciler.desired;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before relaunching after a failed start: {@code initial * multiplier^(failures-1)},
 * capped at {@code max}; with {@code jitter} the wait is drawn uniformly from [0, that] ("full jitter").
 * The failure count resets once a copy has run steadily for {@code resetAfter}.
 */
public record BackoffPolicy(Duration initial, Duration max, double multiplier, boolean jitter, Duration resetAfter) {
    public static final BackoffPolicy DEFAULT =
            new BackoffPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 2.0, true, Duration.ofMinutes(10));

    public BackoffPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff.initial must be positive");
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff.max must not be below backoff.initial");
        }
        if (!(multiplier >= 1.0) || multiplier > 100) {
            throw new IllegalArgumentException("backoff.multiplier must be between 1 and 100");
        }
    }
}
