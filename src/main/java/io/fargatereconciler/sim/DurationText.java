package io.fargatereconciler.sim;

import java.time.Duration;

/** Durations as people write them in config and admin calls: {@code 250ms}, {@code 15s}, {@code 5m}, {@code 2h}. */
public final class DurationText {
    private DurationText() {
    }

    /** Parses {@code 250ms}, {@code 15s}, {@code 5m}, {@code 2h}, {@code 1d}, a bare number of seconds, or ISO-8601. */
    public static Duration parse(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            return Duration.parse(t);
        }
        int unitStart = 0;
        while (unitStart < t.length() && (Character.isDigit(t.charAt(unitStart)) || t.charAt(unitStart) == '.')) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (write e.g. 500ms, 15s, 5m, 1h)");
        }
        double amount = Double.parseDouble(t.substring(0, unitStart));
        double unitMillis = switch (t.substring(unitStart)) {
            case "ms" -> 1;
            case "s", "" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> throw new IllegalArgumentException("not a duration: '" + text + "' (units: ms, s, m, h, d)");
        };
        return Duration.ofMillis(Math.round(amount * unitMillis));
    }
}
