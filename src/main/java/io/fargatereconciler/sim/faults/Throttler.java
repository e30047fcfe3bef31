package io.fargatereconciler.sim.faults;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The token buckets of every call category. Guarded by the simulation lock. */
public final class Throttler {
    private final Map<ThrottleCategory, TokenBucket> buckets = new EnumMap<>(ThrottleCategory.class);
    private ThrottlingConfig config;

    public Throttler(ThrottlingConfig config, long nowMillis) {
        reconfigure(config, nowMillis);
    }

    /** Replaces the limits; buckets start full. */
    public void reconfigure(ThrottlingConfig value, long nowMillis) {
        this.config = value;
        buckets.clear();
        value.buckets().forEach((category, spec) -> buckets.put(category, new TokenBucket(spec, nowMillis)));
    }

    public ThrottlingConfig config() {
        return config;
    }

    /**
     * Takes {@code count} tokens from every one of {@code categories}, or none at all.
     *
     * @return true when the call may proceed
     */
    public boolean tryAcquire(List<ThrottleCategory> categories, int count, long nowMillis) {
        if (!config.enabled()) {
            return true;
        }
        for (ThrottleCategory category : categories) {
            if (!buckets.get(category).has(count, nowMillis)) {
                return false;
            }
        }
        categories.forEach(category -> buckets.get(category).take(count));
        return true;
    }
}
