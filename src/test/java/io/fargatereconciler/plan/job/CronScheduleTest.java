package io.fargatereconciler.plan.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static List<Instant> firstTimes(CronSchedule cron, Instant after, int count) {
        List<Instant> times = new ArrayList<>();
        Instant cursor = after;
        for (int i = 0; i < count; i++) {
            cursor = cron.nextAfter(cursor).orElseThrow();
            times.add(cursor);
        }
        return times;
    }

    @Test
    void aTimeSkippedBySpringForwardRunsAtTheFirstInstantAfterTheGap() {
        CronSchedule cron = CronSchedule.parse("30 2 * * *", NEW_YORK);

        // 2024-03-10 02:00 EST jumps to 03:00 EDT (07:00Z): 02:30 does not exist that day.
        assertThat(firstTimes(cron, Instant.parse("2024-03-09T12:00:00Z"), 3)).containsExactly(
                Instant.parse("2024-03-10T07:00:00Z"),
                Instant.parse("2024-03-11T06:30:00Z"),
                Instant.parse("2024-03-12T06:30:00Z"));
    }

    @Test
    void severalSkippedTimesAndTheTimeAfterTheGapMakeOneRun() {
        CronSchedule cron = CronSchedule.parse("*/20 * * * *", NEW_YORK);

        assertThat(firstTimes(cron, Instant.parse("2024-03-10T06:30:00Z"), 3)).containsExactly(
                Instant.parse("2024-03-10T06:40:00Z"), // 01:40 EST
                Instant.parse("2024-03-10T07:00:00Z"), // 02:00, 02:20, 02:40 and 03:00 EDT, once
                Instant.parse("2024-03-10T07:20:00Z")); // 03:20 EDT
    }

    @Test
    void aTimeRepeatedByFallBackRunsOnceAtItsFirstOccurrence() {
        CronSchedule cron = CronSchedule.parse("30 1 * * *", NEW_YORK);

        // 2024-11-03 02:00 EDT falls back to 01:00 EST: 01:30 happens at 05:30Z and again at 06:30Z.
        assertThat(firstTimes(cron, Instant.parse("2024-11-02T12:00:00Z"), 2)).containsExactly(
                Instant.parse("2024-11-03T05:30:00Z"),
                Instant.parse("2024-11-04T06:30:00Z"));
    }

    @Test
    void anIntervalScheduleDoesNotRepeatTheFallBackHour() {
        CronSchedule cron = CronSchedule.parse("*/30 * * * *", NEW_YORK);

        assertThat(firstTimes(cron, Instant.parse("2024-11-03T04:45:00Z"), 4)).containsExactly(
                Instant.parse("2024-11-03T05:00:00Z"), // 01:00 EDT
                Instant.parse("2024-11-03T05:30:00Z"), // 01:30 EDT
                Instant.parse("2024-11-03T07:00:00Z"), // 02:00 EST: the repeated 01:00 and 01:30 EST are not due
                Instant.parse("2024-11-03T07:30:00Z"));
    }

    @Test
    void latestAtOrBeforeAgreesWithNextAfterAcrossBothTransitions() {
        CronSchedule cron = CronSchedule.parse("*/30 * * * *", NEW_YORK);

        assertThat(cron.latestAtOrBefore(Instant.parse("2024-11-03T06:45:00Z"))) // 01:45 EST, in the repetition
                .contains(Instant.parse("2024-11-03T05:30:00Z"));
        assertThat(cron.latestAtOrBefore(Instant.parse("2024-03-10T07:10:00Z"))) // 03:10 EDT
                .contains(Instant.parse("2024-03-10T07:00:00Z"));
        assertThat(cron.latestAtOrBefore(Instant.parse("2024-03-10T07:00:00Z")))
                .contains(Instant.parse("2024-03-10T07:00:00Z"));
        assertThat(cron.latestAtOrBefore(Instant.parse("2024-03-10T06:59:59Z")))
                .contains(Instant.parse("2024-03-10T06:30:00Z"));
    }

    @Test
    void theThirtyFirstRunsOnlyInMonthsThatHaveOne() {
        CronSchedule cron = CronSchedule.parse("0 12 31 * *", UTC);

        assertThat(firstTimes(cron, Instant.parse("2024-01-31T12:00:00Z"), 3)).containsExactly(
                Instant.parse("2024-03-31T12:00:00Z"),
                Instant.parse("2024-05-31T12:00:00Z"),
                Instant.parse("2024-07-31T12:00:00Z"));
    }

    @Test
    void februaryTheTwentyNinthRunsInLeapYearsOnlyAndSkips2100() {
        CronSchedule cron = CronSchedule.parse("0 0 29 2 *", UTC);

        assertThat(firstTimes(cron, Instant.parse("2024-03-01T00:00:00Z"), 2)).containsExactly(
                Instant.parse("2028-02-29T00:00:00Z"),
                Instant.parse("2032-02-29T00:00:00Z"));
        assertThat(cron.nextAfter(Instant.parse("2096-03-01T00:00:00Z"))).contains(Instant.parse("2104-02-29T00:00:00Z"));
        assertThat(cron.latestAtOrBefore(Instant.parse("2028-02-28T23:59:00Z"))).contains(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void aDateThatNeverExistsNeverComes() {
        CronSchedule cron = CronSchedule.parse("0 0 30 2 *", UTC);

        assertThat(cron.nextAfter(Instant.parse("2024-01-01T00:00:00Z"))).isEmpty();
        assertThat(cron.latestAtOrBefore(Instant.parse("2024-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void restrictedDayOfMonthAndDayOfWeekMatchEither() {
        CronSchedule cron = CronSchedule.parse("0 0 13 * FRI", UTC);

        assertThat(firstTimes(cron, Instant.parse("2024-09-01T00:00:00Z"), 4)).containsExactly(
                Instant.parse("2024-09-06T00:00:00Z"), // Friday
                Instant.parse("2024-09-13T00:00:00Z"), // 13th and Friday
                Instant.parse("2024-09-20T00:00:00Z"),
                Instant.parse("2024-09-27T00:00:00Z"));
        assertThat(CronSchedule.parse("0 0 13 10 *", UTC).nextAfter(Instant.parse("2024-09-01T00:00:00Z")))
                .contains(Instant.parse("2024-10-13T00:00:00Z"));
    }

    @Test
    void sundayIsBothZeroAndSeven() {
        Instant saturday = Instant.parse("2024-09-07T00:00:00Z");

        assertThat(CronSchedule.parse("0 0 * * 7", UTC).nextAfter(saturday)).contains(Instant.parse("2024-09-08T00:00:00Z"));
        assertThat(CronSchedule.parse("0 0 * * 0", UTC).nextAfter(saturday)).contains(Instant.parse("2024-09-08T00:00:00Z"));
        assertThat(CronSchedule.parse("0 0 * * 5-7", UTC).nextAfter(saturday)).contains(Instant.parse("2024-09-07T00:00:00Z").plusSeconds(86400));
    }

    @Test
    void theNextTimeIsStrictlyAfterTheGivenInstant() {
        CronSchedule cron = CronSchedule.parse("0 * * * *", UTC);

        assertThat(cron.nextAfter(Instant.parse("2024-01-01T10:00:00Z"))).contains(Instant.parse("2024-01-01T11:00:00Z"));
        assertThat(cron.nextAfter(Instant.parse("2024-01-01T09:59:59.999Z"))).contains(Instant.parse("2024-01-01T10:00:00Z"));
    }

    @Test
    void namesStepsAndListsAreRead() {
        CronSchedule cron = CronSchedule.parse("5-10/5,45 9 * jan-mar/2 mon-fri", UTC);

        assertThat(firstTimes(cron, Instant.parse("2024-02-28T00:00:00Z"), 4)).containsExactly(
                Instant.parse("2024-03-01T09:05:00Z"),
                Instant.parse("2024-03-01T09:10:00Z"),
                Instant.parse("2024-03-01T09:45:00Z"),
                Instant.parse("2024-03-04T09:05:00Z"));
    }

    @Test
    void badExpressionsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> CronSchedule.parse("0 24 * * *", UTC))
                .hasMessage("schedule '0 24 * * *': hour field '24' value 24 is outside 0-23");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 * *", UTC)).hasMessageContaining("has 4 fields; expected 5");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 L * *", UTC)).hasMessageContaining("day of month field 'L'");
        assertThatThrownBy(() -> CronSchedule.parse("*/0 * * * *", UTC)).hasMessageContaining("step 0 must be between 1 and 59");
        assertThatThrownBy(() -> CronSchedule.parse("50-10 * * * *", UTC)).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> CronSchedule.parse("@daily", UTC)).hasMessageContaining("expected 5");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 ? * 1", UTC)).hasMessageContaining("'?'");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 1,,2 * *", UTC)).hasMessageContaining("empty list item");
    }
}
