package io.fargatereconciler.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How long one lifecycle state lasts: a fixed time ({@code 15s}), or a log-normal distribution fitted to its median
 * and 99th percentile ({@code {median: 10s, p99: 30s}}), drawn per task from the simulator's seeded random. Fargate
 * publishes no percentiles; a log-normal is the usual shape of service times (a hard floor, a long right tail), and
 * two points fix it: {@code sigma = ln(p99 / median) / 2.326}.
 */
public sealed interface PhaseDuration {
    /** The standard normal's 99th percentile. */
    double Z99 = 2.3263478740408408;

    /** The typical time: the fixed value, or the distribution's median. */
    Duration median();

    /** One draw; a fixed time draws nothing from {@code random}, so adding a distribution elsewhere shifts nothing. */
    Duration sample(Random random);

    static PhaseDuration fixed(Duration value) {
        return new Fixed(value);
    }

    static PhaseDuration logNormal(Duration median, Duration p99) {
        return new LogNormal(median, p99);
    }

    /** Always {@code value}. */
    record Fixed(Duration value) implements PhaseDuration {
        public Fixed {
            Objects.requireNonNull(value, "value");
            if (value.isNegative()) {
                throw new IllegalArgumentException("must not be negative, was " + SimJson.format(value));
            }
        }

        @Override
        public Duration median() {
            return value;
        }

        @Override
        public Duration sample(Random random) {
            return value;
        }

        @Override
        public String toString() {
            return SimJson.format(value);
        }
    }

    /** Log-normal with this median and 99th percentile. */
    record LogNormal(Duration median, Duration p99) implements PhaseDuration {
        public LogNormal {
            Objects.requireNonNull(median, "median");
            Objects.requireNonNull(p99, "p99");
            if (median.isNegative() || median.isZero()) {
                throw new IllegalArgumentException("median must be positive, was " + SimJson.format(median));
            }
            if (p99.compareTo(median) < 0) {
                throw new IllegalArgumentException("p99 (" + SimJson.format(p99) + ") must not be below the median ("
                        + SimJson.format(median) + ")");
            }
        }

        double sigma() {
            return Math.log((double) p99.toMillis() / median.toMillis()) / Z99;
        }

        @Override
        public Duration sample(Random random) {
            return scaled(random.nextGaussian());
        }

        private Duration scaled(double z) {
            return Duration.ofMillis(Math.round(median.toMillis() * Math.exp(sigma() * z)));
        }

        @Override
        public String toString() {
            return "{median: " + SimJson.format(median) + ", p99: " + SimJson.format(p99) + "}";
        }
    }
}
