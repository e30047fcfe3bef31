package io.fargatereconciler.bench;

import java.time.Duration;
import java.util.List;

/** Nearest-rank percentiles of durations. */
final class Percentile {
    private Percentile() {
    }

    /** The {@code p}-th percentile (0 < p <= 100) of {@code sorted} (ascending), or null when empty. */
    static Duration of(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
