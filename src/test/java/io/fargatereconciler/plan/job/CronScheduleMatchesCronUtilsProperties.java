package io.fargatereconciler.plan.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Our JDK-only {@link CronSchedule} against cron-utils' UNIX definition (what the desired-state validation accepts),
 * in UTC: same next time, same previous time, for random valid expressions and instants.
 */
class CronScheduleMatchesCronUtilsProperties {
    private static final CronParser CRON_UTILS = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    @Property(tries = 3000)
    void acceptsExactlyWhatCronUtilsAccepts(@ForAll("expressions") String expression) {
        boolean theyAccept = cronUtilsAccepts(expression);
        boolean weAccept;
        try {
            CronSchedule.parse(expression, ZoneOffset.UTC);
            weAccept = true;
        } catch (IllegalArgumentException rejected) {
            weAccept = false;
        }

        assertThat(weAccept).as("'%s' accepted", expression).isEqualTo(theyAccept);
    }

    @Property(tries = 1000)
    void nextTimeIsTheSameAsCronUtils(@ForAll("expressions") String expression, @ForAll("instants") Instant after) {
        Assume.that(cronUtilsAccepts(expression));
        Optional<Instant> ours = CronSchedule.parse(expression, ZoneOffset.UTC).nextAfter(after);
        Optional<Instant> theirs = ExecutionTime.forCron(CRON_UTILS.parse(expression))
                .nextExecution(after.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toInstant);

        assertThat(ours).as("next after %s for '%s'", after, expression).isEqualTo(theirs);
    }

    @Property(tries = 1000)
    void previousTimeIsTheSameAsCronUtils(@ForAll("expressions") String expression, @ForAll("instants") Instant at) {
        Assume.that(cronUtilsAccepts(expression));
        Instant notOnAMinute = at.plusSeconds(17);
        Optional<Instant> ours = CronSchedule.parse(expression, ZoneOffset.UTC).latestAtOrBefore(notOnAMinute);
        Optional<Instant> theirs = ExecutionTime.forCron(CRON_UTILS.parse(expression))
                .lastExecution(notOnAMinute.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toInstant);

        assertThat(ours).as("latest at or before %s for '%s'", notOnAMinute, expression).isEqualTo(theirs);
    }

    private static boolean cronUtilsAccepts(String expression) {
        try {
            CRON_UTILS.parse(expression);
            return true;
        } catch (IllegalArgumentException rejected) {
            return false;
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond() / 60;
        long to = Instant.parse("2060-01-01T00:00:00Z").getEpochSecond() / 60;
        return Arbitraries.longs().between(from, to).map(minute -> Instant.ofEpochSecond(minute * 60));
    }

    @Provide
    Arbitrary<String> expressions() {
        return Combinators.combine(field(0, 59, List.of()), field(0, 23, List.of()), field(1, 31, List.of()),
                        field(1, 12, MONTHS), field(0, 7, DAYS))
                .as((minute, hour, day, month, weekday) -> String.join(" ", minute, hour, day, month, weekday));
    }

    private static Arbitrary<String> field(int min, int max, List<String> names) {
        Arbitrary<String> item = Arbitraries.oneOf(
                Arbitraries.just("*"),
                Arbitraries.integers().between(1, max).map(step -> "*/" + step),
                value(min, max, names),
                range(min, max, names),
                Combinators.combine(range(min, max, names), Arbitraries.integers().between(1, max))
                        .as((range, step) -> range + "/" + step),
                Combinators.combine(value(min, max, names), Arbitraries.integers().between(1, max))
                        .as((value, step) -> value + "/" + step));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, item),
                net.jqwik.api.Tuple.of(1, item.list().ofMinSize(2).ofMaxSize(3).map(items -> String.join(",", items))));
    }

    private static Arbitrary<String> value(int min, int max, List<String> names) {
        Arbitrary<Integer> number = Arbitraries.integers().between(min, max);
        if (names.isEmpty()) {
            return number.map(String::valueOf);
        }
        return number.map(v -> v - min < names.size() && v % 2 == 0 ? names.get(v - min) : String.valueOf(v));
    }

    private static Arbitrary<String> range(int min, int max, List<String> names) {
        return Combinators.combine(value(min, max, names), Arbitraries.integers().between(0, max - min))
                .as((from, width) -> {
                    int start = names.indexOf(from) >= 0 ? names.indexOf(from) + min : Integer.parseInt(from);
                    return from + "-" + Math.min(max, start + width);
                });
    }
}
