package io.fargatereconciler.bench;

import java.time.Duration;
import java.util.Locale;

/** How the report writes numbers. */
final class Format {
    private Format() {
    }

    static String num(double value) {
        if (Math.abs(value - Math.rint(value)) < 1e-9) {
            return String.format(Locale.ROOT, "%,d", (long) Math.rint(value));
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%,.1f" : "%.2f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Two decimals; three when that is all that tells it from 1 (1.002x is not 1.00x). */
    static String ratio(double value) {
        boolean nearOne = value != 1.0 && Math.abs(value - 1.0) < 0.005;
        return String.format(Locale.ROOT, nearOne ? "%.3fx" : "%.2fx", value);
    }

    static double ratioOf(Duration value, Duration base) {
        return (double) value.toMillis() / base.toMillis();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    static String points(double share) {
        return String.format(Locale.ROOT, "%.1f percentage points", share * 100);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    /** 850 ms, 42.3 s, 7 min 5 s, 1 h 2 min. */
    static String duration(Duration d) {
        if (d == null) {
            return "never";
        }
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
