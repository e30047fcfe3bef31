package io.fargatereconciler.sim.faults;

import java.util.EnumMap;
import java.util.Map;

/**
 * API throttling: token buckets per call category, refilled on the simulator's clock.
 *
 * @param enabled whether calls are throttled at all
 * @param buckets overrides of the published limits, by category
 */
public record ThrottlingConfig(Boolean enabled, Map<ThrottleCategory, BucketSpec> buckets) {

    public ThrottlingConfig {
        enabled = enabled == null || enabled;
        Map<ThrottleCategory, BucketSpec> merged = new EnumMap<>(ThrottleCategory.class);
        for (ThrottleCategory category : ThrottleCategory.values()) {
            merged.put(category, category.published());
        }
        if (buckets != null) {
            merged.putAll(buckets);
        }
        buckets = Map.copyOf(merged);
    }

    /** The published ECS and Fargate limits per account and region. */
    public static ThrottlingConfig published() {
        return new ThrottlingConfig(true, null);
    }

    public static ThrottlingConfig disabled() {
        return new ThrottlingConfig(false, null);
    }

    public ThrottlingConfig withEnabled(boolean value) {
        return new ThrottlingConfig(value, buckets);
    }

    public BucketSpec bucket(ThrottleCategory category) {
        return buckets.get(category);
    }

    /** A token bucket: up to {@code burst} tokens, refilled at {@code perSecond}. */
    public record BucketSpec(int burst, double perSecond) {
        public BucketSpec {
            if (burst < 1 || perSecond <= 0) {
                throw new IllegalArgumentException("throttling bucket: burst must be >= 1 and perSecond > 0, was "
                        + burst + " / " + perSecond);
            }
        }
    }
}
