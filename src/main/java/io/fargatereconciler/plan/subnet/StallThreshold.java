package io.fargatereconciler.plan.subnet;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a task may stay in PROVISIONING in one subnet before it counts as stalled, and where that came from.
 *
 * @param value   the threshold
 * @param samples how many recent starts it was learned from; 0 when it is the cap because too few are known
 * @param basis   one phrase saying how it was derived, for stop reasons, logs and the status API
 */
public record StallThreshold(Duration value, int samples, String basis) {
    public StallThreshold {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(basis, "basis");
    }

    static StallThreshold of(Duration estimate, int samples, StallSettings settings) {
        long scaled = Math.round(estimate.toMillis() * settings.factor());
        long clamped = Math.max(settings.floor().toMillis(), Math.min(settings.cap().toMillis(), scaled));
        String basis = settings.factor() + " x the p" + percentile(settings.quantile()) + " of " + samples
                + " recent starts (" + seconds(estimate) + ")"
                + (clamped != scaled ? ", held within " + seconds(settings.floor()) + ".." + seconds(settings.cap()) : "");
        return new StallThreshold(Duration.ofMillis(clamped), samples, basis);
    }

    static StallThreshold cap(StallSettings settings) {
        return new StallThreshold(settings.cap(), 0, "the cap: too few recent starts to learn from yet");
    }

    public boolean learned() {
        return samples > 0;
    }

    static String seconds(Duration duration) {
        return Math.round(duration.toMillis() / 1000.0) + "s";
    }

    private static String percentile(double quantile) {
        double p = quantile * 100;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }
}
