package io.fargatereconciler.plan.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * In zones with daylight saving time (where cron-utils cannot be the reference: it is compared in UTC), the next and
 * the previous due time agree with each other: nothing is due between a time and the next due time, and no local
 * time is due twice.
 */
class CronScheduleConsistencyProperties {

    @Provide
    Arbitrary<String> expressions() {
        return Arbitraries.of("* * * * *", "*/15 * * * *", "30 2 * * *", "0 * * * *", "30 1 * * *", "0,30 0-3 * * *",
                "45 2 * 3,10,11 SUN", "0 2 * * *", "*/7 1-3 * * *", "0 0 29 2 *", "15 3 31 * *", "0 12 13 * 5");
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago",
                "Pacific/Chatham", "Asia/Kolkata", "UTC").map(ZoneId::of);
    }

    @Provide
    Arbitrary<Instant> instants() {
        // dense around transitions: any second of 2020-2030
        long from = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();
        return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    }

    @Property(tries = 3000)
    void nothingIsDueBetweenATimeAndItsNextDueTime(@ForAll("expressions") String expression,
                                                   @ForAll("zones") ZoneId zone, @ForAll("instants") Instant at) {
        CronSchedule cron = CronSchedule.parse(expression, zone);
        Optional<Instant> next = cron.nextAfter(at);
        Optional<Instant> latest = cron.latestAtOrBefore(at);

        assertThat(next).isPresent().get().satisfies(n -> {
            assertThat(n).isAfter(at);
            assertThat(cron.latestAtOrBefore(n)).contains(n);
            assertThat(cron.latestAtOrBefore(n.minusSeconds(1))).isEqualTo(latest);
        });
        latest.ifPresent(l -> assertThat(cron.nextAfter(l)).isEqualTo(next));
    }

    @Property(tries = 1000)
    void noLocalTimeIsDueTwice(@ForAll("expressions") String expression, @ForAll("zones") ZoneId zone,
                               @ForAll("instants") Instant at) {
        CronSchedule cron = CronSchedule.parse(expression, zone);
        Instant first = cron.nextAfter(at).orElseThrow();
        Instant second = cron.nextAfter(first).orElseThrow();

        assertThat(LocalDateTime.ofInstant(second, zone)).isAfter(LocalDateTime.ofInstant(first, zone));
    }
}
