package io.fargatereconciler.plan.job;

import java.util.List;
import java.util.Locale;

/**
 * One of the five fields of a cron expression, parsed into the set of values it allows (a bit mask; bit {@code v}
 * set means value {@code v} matches).
 *
 * <p>Grammar, as in UNIX cron: a comma-separated list of items; an item is {@code *}, a value, or a range
 * {@code a-b}, optionally followed by {@code /step} ({@code a/step} means {@code a-max/step}). Months and weekdays
 * also take English three-letter names ({@code JAN}, {@code MON}), in any case. Weekday 7 is Sunday, like 0; the name
 * {@code SUN} means 7 (as in cron-utils, which validates the desired state), so {@code SUN-SAT} is a backwards
 * range: write {@code 0-6} or {@code *}.
 * Not supported (rejected with a message): {@code ?}, {@code L}, {@code W}, {@code #}, nicknames like {@code @daily}.
 */
final class CronField {

    /** The five fields in order, with their ranges and names. */
    enum Kind {
        MINUTE("minute", 0, 59, List.of()),
        HOUR("hour", 0, 23, List.of()),
        DAY_OF_MONTH("day of month", 1, 31, List.of()),
        MONTH("month", 1, 12,
                List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
        DAY_OF_WEEK("day of week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

        final String label;
        final int min;
        final int max;
        /** Names for the values min, min+1, ... */
        final List<String> names;

        Kind(String label, int min, int max, List<String> names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
        }
    }

    private final Kind kind;
    private final long allowed;
    private final boolean unrestricted;

    private CronField(Kind kind, long allowed, boolean unrestricted) {
        this.kind = kind;
        this.allowed = allowed;
        this.unrestricted = unrestricted;
    }

    /** Parses {@code text} as field {@code kind}; throws with a message naming the field and the bad part. */
    static CronField parse(Kind kind, String text) {
        long mask = 0;
        for (String item : text.split(",", -1)) {
            mask |= parseItem(kind, item, text);
        }
        if (kind == Kind.DAY_OF_WEEK && (mask & (1L << 7)) != 0) {
            mask = (mask & ~(1L << 7)) | 1L; // 7 is Sunday, as 0
        }
        // "*" and "*/1" allow every value and count as unrestricted for the day-of-month/day-of-week rule.
        boolean unrestricted = text.equals("*") || text.equals("*/1");
        return new CronField(kind, mask, unrestricted);
    }

    private static long parseItem(Kind kind, String item, String field) {
        if (item.isEmpty()) {
            throw error(kind, field, "has an empty list item");
        }
        String rangePart = item;
        int step = 1;
        boolean stepped = false;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            rangePart = item.substring(0, slash);
            step = number(kind, item.substring(slash + 1), field, "step");
            if (step < 1 || step > kind.max) {
                throw error(kind, field, "step " + step + " must be between 1 and " + kind.max);
            }
            stepped = true;
        }
        int from;
        int to;
        if (rangePart.equals("*")) {
            from = kind.min;
            to = kind.max;
        } else {
            int dash = rangePart.indexOf('-');
            if (dash >= 0) {
                from = value(kind, rangePart.substring(0, dash), field);
                to = value(kind, rangePart.substring(dash + 1), field);
                if (stepped && kind == Kind.DAY_OF_WEEK && step == 7) {
                    throw error(kind, field, "range " + item + " has step 7, which cron-utils (the validator) rejects;"
                            + " write the first day of the range alone");
                }
                if (from > to) {
                    throw error(kind, field, "range " + rangePart + " runs backwards (" + from + "-" + to
                            + "); write it as a list instead" + (kind == Kind.DAY_OF_WEEK ? " (SUN is 7 here)" : ""));
                }
            } else {
                from = value(kind, rangePart, field);
                if (stepped && kind == Kind.DAY_OF_WEEK && from == 7) {
                    from = 0; // SUN/2 (7/2) steps from Sunday through the week, as cron-utils reads it
                }
                to = stepped ? kind.max : from;
            }
        }
        long mask = 0;
        for (int v = from; v <= to; v += step) {
            mask |= 1L << v;
        }
        return mask;
    }

    private static int value(Kind kind, String text, String field) {
        int index = kind.names.indexOf(text.toUpperCase(Locale.ROOT));
        int value = index >= 0 ? kind.min + index : number(kind, text, field, "value");
        if (kind == Kind.DAY_OF_WEEK && index == 0) {
            value = 7; // SUN
        }
        if (value < kind.min || value > kind.max) {
            throw error(kind, field, "value " + value + " is outside " + kind.min + "-" + kind.max);
        }
        return value;
    }

    private static int number(Kind kind, String text, String field, String what) {
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String hint = kind.names.isEmpty() ? "a number" : "a number or a name such as " + kind.names.get(1);
            throw error(kind, field, what + " '" + text + "' is not " + hint
                    + " (only * , - / are supported; not ? L W # or nicknames)");
        }
        return Integer.parseInt(text);
    }

    private static IllegalArgumentException error(Kind kind, String field, String problem) {
        return new IllegalArgumentException(kind.label + " field '" + field + "' " + problem);
    }

    boolean matches(int value) {
        return (allowed & (1L << value)) != 0;
    }

    /** True for {@code *} and {@code *}/1: the field does not narrow the days (see {@link CronSchedule}). */
    boolean isUnrestricted() {
        return unrestricted;
    }

    /** The smallest allowed value at or above {@code value}, or -1. */
    int nextAllowed(int value) {
        for (int v = Math.max(value, kind.min); v <= kind.max; v++) {
            if (matches(v)) {
                return v;
            }
        }
        return -1;
    }

    /** The largest allowed value at or below {@code value}, or -1. */
    int previousAllowed(int value) {
        for (int v = Math.min(value, kind.max); v >= kind.min; v--) {
            if (matches(v)) {
                return v;
            }
        }
        return -1;
    }
}
