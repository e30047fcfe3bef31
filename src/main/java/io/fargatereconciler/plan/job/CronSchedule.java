package io.fargatereconciler.plan.job;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.Optional;

/**
 * A 5-field UNIX cron expression ({@code minute hour day-of-month month day-of-week}) read in a time zone: the
 * times a scheduled Job is due. JDK only; it accepts what cron-utils' UNIX definition accepts and computes the same
 * times (checked by a property test).
 *
 * <p><b>Days.</b> When both day-of-month and day-of-week are restricted (anything but {@code *} or {@code *}/1),
 * a day matching <em>either</em> is due, as in Vixie cron and cron-utils ({@code 0 0 13 * 5}: every 13th and every
 * Friday). Note that {@code *}/2 counts as restricted here, as in cron-utils.
 *
 * <p><b>Daylight saving time</b>, by the zone's rules: the fields match the local wall-clock time.
 * <ul>
 *   <li>A local time skipped by a spring-forward gap is due at the first instant after the gap
 *       ({@code 30 2 * * *} in America/New_York on 2024-03-10 is due at 03:00 EDT); several skipped times, and the
 *       time right after the gap, make one run, not several.</li>
 *   <li>A local time repeated by a fall-back overlap is due once, at its first occurrence (the earlier offset);
 *       its repetition is not due ({@code *}/15 in the repeated hour runs four times, not eight).</li>
 * </ul>
 */
public final class CronSchedule {
    /** No expression fires less often than every 8 years (Feb 29 around 2100); beyond this nothing will come. */
    private static final int SEARCH_YEARS = 30;

    private final String expression;
    private final ZoneId zone;
    private final CronField minutes;
    private final CronField hours;
    private final CronField daysOfMonth;
    private final CronField months;
    private final CronField daysOfWeek;

    private CronSchedule(String expression, ZoneId zone, CronField[] fields) {
        this.expression = expression;
        this.zone = zone;
        this.minutes = fields[0];
        this.hours = fields[1];
        this.daysOfMonth = fields[2];
        this.months = fields[3];
        this.daysOfWeek = fields[4];
    }

    /**
     * Parses {@code expression} (five fields separated by spaces) to be read in {@code zone}.
     *
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    public static CronSchedule parse(String expression, ZoneId zone) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(zone, "zone");
        String[] parts = expression.trim().split("\\s+");
        if (parts.length != 5 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("schedule '" + expression + "' has " + (parts[0].isEmpty() ? 0 : parts.length)
                    + " fields; expected 5: minute hour day-of-month month day-of-week, e.g. '0 3 * * *'");
        }
        CronField.Kind[] kinds = CronField.Kind.values();
        CronField[] fields = new CronField[5];
        for (int i = 0; i < 5; i++) {
            try {
                fields[i] = CronField.parse(kinds[i], parts[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("schedule '" + expression + "': " + e.getMessage(), e);
            }
        }
        return new CronSchedule(expression, zone, fields);
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first due time strictly after {@code after}; empty if the expression never fires (e.g. Feb 30). */
    public Optional<Instant> nextAfter(Instant after) {
        LocalDateTime candidate = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDateTime limit = candidate.plusYears(SEARCH_YEARS);
        while (true) {
            Optional<LocalDateTime> local = firstMatchAtOrAfter(candidate, limit);
            if (local.isEmpty()) {
                return Optional.empty();
            }
            Instant due = dueInstant(local.get());
            if (due.isAfter(after)) {
                return Optional.of(due);
            }
            candidate = local.get().plusMinutes(1); // only in a repeated (fall-back) hour or a gap
        }
    }

    /** The last due time at or before {@code atOrBefore}; empty if there is none in the past 30 years. */
    public Optional<Instant> latestAtOrBefore(Instant atOrBefore) {
        LocalDateTime candidate = LocalDateTime.ofInstant(atOrBefore, zone).truncatedTo(ChronoUnit.MINUTES);
        ZoneOffsetTransition overlap = zone.getRules().getTransition(candidate);
        if (overlap != null && overlap.isOverlap()
                && zone.getRules().getOffset(atOrBefore).equals(overlap.getOffsetAfter())) {
            // In the repetition of a fall-back hour: every first occurrence of that hour is already past.
            candidate = overlap.getDateTimeBefore().minusMinutes(1);
        }
        LocalDateTime limit = candidate.minusYears(SEARCH_YEARS);
        while (true) {
            Optional<LocalDateTime> local = lastMatchAtOrBefore(candidate, limit);
            if (local.isEmpty()) {
                return Optional.empty();
            }
            Instant due = dueInstant(local.get());
            if (!due.isAfter(atOrBefore)) {
                return Optional.of(due);
            }
            candidate = local.get().minusMinutes(1);
        }
    }

    /** The instant a matching local time is due: see the class comment for gaps and overlaps. */
    private Instant dueInstant(LocalDateTime local) {
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        ZoneOffset offset = transition != null ? transition.getOffsetBefore() : rules.getOffset(local);
        return ZonedDateTime.ofLocal(local, zone, offset).toInstant();
    }

    private Optional<LocalDateTime> firstMatchAtOrAfter(LocalDateTime from, LocalDateTime limit) {
        LocalDateTime c = from;
        while (c.isBefore(limit)) {
            if (!months.matches(c.getMonthValue())) {
                c = c.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            } else if (!dayMatches(c.toLocalDate())) {
                c = c.toLocalDate().plusDays(1).atStartOfDay();
            } else {
                int hour = hours.nextAllowed(c.getHour());
                if (hour < 0) {
                    c = c.toLocalDate().plusDays(1).atStartOfDay();
                } else if (hour > c.getHour()) {
                    c = c.toLocalDate().atTime(hour, 0);
                } else {
                    int minute = minutes.nextAllowed(c.getMinute());
                    if (minute >= 0) {
                        return Optional.of(c.withMinute(minute));
                    }
                    c = c.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<LocalDateTime> lastMatchAtOrBefore(LocalDateTime from, LocalDateTime limit) {
        LocalDateTime c = from;
        while (c.isAfter(limit)) {
            if (!months.matches(c.getMonthValue())) {
                c = c.toLocalDate().withDayOfMonth(1).minusDays(1).atTime(23, 59);
            } else if (!dayMatches(c.toLocalDate())) {
                c = c.toLocalDate().minusDays(1).atTime(23, 59);
            } else {
                int hour = hours.previousAllowed(c.getHour());
                if (hour < 0) {
                    c = c.toLocalDate().minusDays(1).atTime(23, 59);
                } else if (hour < c.getHour()) {
                    c = c.toLocalDate().atTime(hour, 59);
                } else {
                    int minute = minutes.previousAllowed(c.getMinute());
                    if (minute >= 0) {
                        return Optional.of(c.withMinute(minute));
                    }
                    c = c.truncatedTo(ChronoUnit.HOURS).minusMinutes(1);
                }
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate date) {
        boolean byMonthDay = daysOfMonth.matches(date.getDayOfMonth());
        boolean byWeekDay = daysOfWeek.matches(date.getDayOfWeek().getValue() % 7);
        if (daysOfMonth.isUnrestricted() || daysOfWeek.isUnrestricted()) {
            return byMonthDay && byWeekDay;
        }
        return byMonthDay || byWeekDay;
    }

    @Override
    public String toString() {
        return expression + " (" + zone + ")";
    }
}
