package io.fargatereconciler.desired.mapping;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in desired state: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 1h30m}. */
public final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]{1,6}(?:ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("([0-9]{1,6})(ms|s|m|h)");

    private DurationText() {
    }

    public static Optional<Duration> parse(String text) {
        if (!WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        return Optional.of(total);
    }

    /** The shortest text {@link #parse} reads back as {@code duration}, e.g. {@code 5m} or {@code 1m30s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toHours(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }
}
