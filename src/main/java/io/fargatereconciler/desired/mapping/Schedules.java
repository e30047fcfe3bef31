package io.fargatereconciler.desired.mapping;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** Job schedules: 5-field UNIX cron expressions (as cron-utils reads them) and time-zone ids. */
final class Schedules {
    private static final CronParser UNIX_CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private Schedules() {
    }

    static Optional<String> cronProblem(String expression) {
        try {
            UNIX_CRON.parse(expression).validate();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a 5-field cron expression (minute hour day-of-month month day-of-week, e.g."
                    + " \"0 2 * * *\"): " + e.getMessage());
        }
    }

    static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
