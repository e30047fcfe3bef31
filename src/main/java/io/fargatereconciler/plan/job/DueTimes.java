package io.fargatereconciler.plan.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scheduled times that came due in (after, now]: the most recent one ({@code latest}, the only one that may
 * still start) and those before it, which were missed: how many ({@code missedCount}, counted up to
 * {@value #COUNT_LIMIT}), the first of them, and the most recent few (newest first) for the history.
 */
record DueTimes(Instant latest, long missedCount, Instant firstMissed, List<Instant> recentMissed) {
    static final long COUNT_LIMIT = 100_000;

    DueTimes {
        recentMissed = List.copyOf(recentMissed);
    }

    /** The times due in (after, now]; empty when none is. {@code keep} bounds {@link #recentMissed()}. */
    static Optional<DueTimes> between(CronSchedule cron, Instant after, Instant now, int keep) {
        Optional<Instant> latest = cron.latestAtOrBefore(now).filter(time -> time.isAfter(after));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Instant first = cron.nextAfter(after).orElseThrow();
        long count = 0;
        for (Instant t = first; t.isBefore(latest.get()) && count < COUNT_LIMIT; t = cron.nextAfter(t).orElseThrow()) {
            count++;
        }
        List<Instant> recent = new ArrayList<>();
        Instant cursor = latest.get();
        while (recent.size() < Math.min(keep, count)) {
            cursor = cron.latestAtOrBefore(cursor.minusSeconds(1)).orElseThrow();
            recent.add(cursor);
        }
        return Optional.of(new DueTimes(latest.get(), count, count == 0 ? null : first, recent));
    }
}
