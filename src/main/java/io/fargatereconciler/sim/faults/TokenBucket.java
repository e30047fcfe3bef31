package io.fargatereconciler.sim.faults;

import io.fargatereconciler.sim.faults.ThrottlingConfig.BucketSpec;

/** A token bucket refilled on the simulator's clock (never on wall time), so virtual-time tests are exact. */
final class TokenBucket {
    private final BucketSpec spec;
    private double tokens;
    private long lastRefillMillis;

    TokenBucket(BucketSpec spec, long nowMillis) {
        this.spec = spec;
        this.tokens = spec.burst();
        this.lastRefillMillis = nowMillis;
    }

    boolean has(int count, long nowMillis) {
        refill(nowMillis);
        return tokens >= count;
    }

    void take(int count) {
        tokens -= count;
    }

    private void refill(long nowMillis) {
        if (nowMillis > lastRefillMillis) {
            tokens = Math.min(spec.burst(), tokens + (nowMillis - lastRefillMillis) * spec.perSecond() / 1000.0);
            lastRefillMillis = nowMillis;
        }
    }
}
