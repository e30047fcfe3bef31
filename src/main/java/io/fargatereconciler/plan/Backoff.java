package io.fargatereconciler.plan;

import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.ResourceKey;
import java.time.Duration;
import java.time.Instant;

/**
 * A group's failed starts and when it may launch again. After the n-th failure the group waits
 * {@code initial * multiplier^(n-1)} capped at {@code max}; with jitter (the default) the wait is drawn uniformly
 * from [0, that] ("full jitter", so many groups failing together do not retry together). The draw is a hash of
 * the memory's seed, the group and n, so the same inputs always give the same plan. There is no failure limit:
 * a TaskGroup is never given up on. The count resets once a copy has run steadily for {@code resetAfter} with
 * no failure in that time, and when the spec changes (a fix should not wait out the old spec's backoff).
 *
 * @param failures    failures counted since the last reset
 * @param lastFailure the latest of them; null when {@code failures} is 0
 * @param retryAt     when the group may launch again; null when it never had to wait
 * @param specHash    the spec hash the failures were counted for; null when {@code failures} is 0
 */
public record Backoff(int failures, Failure lastFailure, Instant retryAt, String specHash) {
    public static final Backoff NONE = new Backoff(0, null, null, null);

    public Backoff {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative");
        }
        if ((failures == 0) != (lastFailure == null)) {
            throw new IllegalArgumentException("lastFailure is set exactly when failures > 0");
        }
    }

    /** The state after one more failure of a copy of {@code spec}, detected at {@code now}. */
    Backoff afterFailure(Failure failure, String spec, BackoffPolicy policy, long seed, ResourceKey group, Instant now) {
        int count = spec.equals(specHash) ? failures + 1 : 1;
        Duration wait = delay(policy, count, jitter(seed, group, count));
        return new Backoff(count, failure, now.plus(wait), spec);
    }

    /**
     * The state after a failure in a subnet that subnet steering has since taken out of the group's launches while
     * another subnet is still healthy: remembered as the last failure (the status shows it), but neither adding a
     * wait nor raising the count the next wait is computed from, because the next launch does not go where this
     * copy failed. A wait already running stays.
     */
    Backoff afterSteeredAroundFailure(Failure failure, String spec) {
        if (!spec.equals(specHash)) {
            return new Backoff(1, failure, null, spec);
        }
        return new Backoff(Math.max(failures, 1), failure, retryAt, spec);
    }

    /** True while the group must not launch. */
    public boolean holds(Instant now) {
        return retryAt != null && now.isBefore(retryAt);
    }

    /**
     * {@link #NONE} when the spec changed, or when a copy has been RUNNING since {@code oldestRunningSince} for at
     * least {@code resetAfter} and no failure came in that time; otherwise this.
     */
    Backoff resetIfSteady(String spec, Instant oldestRunningSince, Instant now, Duration resetAfter) {
        if (failures == 0) {
            return this;
        }
        if (!spec.equals(specHash)) {
            return NONE;
        }
        Instant steadySince = now.minus(resetAfter);
        boolean ranSteadily = oldestRunningSince != null && !oldestRunningSince.isAfter(steadySince);
        boolean quietSince = !lastFailure.at().isAfter(steadySince);
        return ranSteadily && quietSince ? NONE : this;
    }

    /** The wait after the {@code failures}-th failure, {@code jitter} in [0, 1) being the uniform draw. */
    static Duration delay(BackoffPolicy policy, int failures, double jitter) {
        double ceilingSeconds = policy.initial().toNanos() / 1e9 * Math.pow(policy.multiplier(), failures - 1);
        double maxSeconds = policy.max().toNanos() / 1e9;
        double seconds = Math.min(ceilingSeconds, maxSeconds);
        if (policy.jitter()) {
            seconds *= jitter;
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    /** A uniform draw in [0, 1), a pure function of its inputs (SplitMix64 finalizer over them). */
    static double jitter(long seed, ResourceKey group, int failures) {
        long x = seed;
        x = mix(x ^ group.toString().hashCode());
        x = mix(x ^ failures);
        return (x >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
