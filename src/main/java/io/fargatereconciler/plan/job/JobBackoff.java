package io.fargatereconciler.plan.job;

import io.fargatereconciler.desired.BackoffPolicy;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The wait before a Job run's next attempt after {@code failures} failed ones (of either kind), by the job's
 * {@link BackoffPolicy}: {@code initial * multiplier^(failures-1)} capped at {@code max}, and with jitter a
 * uniformly drawn part of that ("full jitter"). The draw is seeded by the attempt's clientToken, so the same
 * inputs always give the same plan.
 */
final class JobBackoff {
    private JobBackoff() {
    }

    static Duration delay(BackoffPolicy policy, int failures, String clientTokenOfNextAttempt) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        double ceilingMillis = policy.initial().toMillis() * Math.pow(policy.multiplier(), failures - 1.0);
        long capped = (long) Math.min(ceilingMillis, policy.max().toMillis());
        if (!policy.jitter()) {
            return Duration.ofMillis(capped);
        }
        double fraction = new SplittableRandom(clientTokenOfNextAttempt.hashCode()).nextDouble();
        return Duration.ofMillis((long) (capped * fraction));
    }
}
