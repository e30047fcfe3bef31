package io.fargatereconciler.desired;

import static io.fargatereconciler.desired.DesiredStateFixture.JOB;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Job kind's own fields: schedule, timeZone, retries, concurrency, deadline, completion, history. */
class JobValidationTest {
    @TempDir
    Path folder;
    DesiredStateFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DesiredStateFixture(folder);
    }

    @Test
    void rejectsACronExpressionCronUtilsRejects() {
        assertThat(fixture.errorsOf(JOB + "  schedule: \"61 2 * * *\"\n")).containsExactly(
                "api.yaml:11:13 spec.schedule: is not a 5-field cron expression (minute hour day-of-month month"
                        + " day-of-week, e.g. \"0 2 * * *\"): Failed to parse cron expression. Value 61 not in range"
                        + " [0, 59]");
    }

    @Test
    void rejectsASixFieldQuartzExpression() {
        assertThat(fixture.errorsOf(JOB + "  schedule: \"0 30 2 * * ?\"\n")).singleElement().asString()
                .startsWith("api.yaml:11:13 spec.schedule: is not a 5-field cron expression");
    }

    @Test
    void explainsThatAnUnquotedScheduleStartingWithAStarReadsAsAnAlias() {
        assertThat(fixture.errorsOf(JOB + "  schedule: */5 * * * *\n")).containsExactly(
                "api.yaml:11:14: YAML syntax error: a value starting with * is read as a YAML alias; quote it, e.g."
                        + " schedule: \"*/5 * * * *\"");
    }

    @Test
    void rejectsAnUnknownTimeZone() {
        assertThat(fixture.errorsOf(JOB + "  schedule: \"0 2 * * *\"\n  timeZone: Europe/Atlantis\n")).containsExactly(
                "api.yaml:12:13 spec.timeZone: must be a time-zone id such as UTC or Europe/Berlin, not"
                        + " Europe/Atlantis");
    }

    @Test
    void rejectsImpossibleRetryAndHistoryValues() {
        String yaml = JOB + "  backoffLimit: -1\n  startingDeadlineSeconds: 0\n  failedJobsHistoryLimit: -3\n";
        assertThat(fixture.errorsOf(yaml)).containsExactly(
                "api.yaml:11:17 spec.backoffLimit: must not be negative, not -1",
                "api.yaml:12:28 spec.startingDeadlineSeconds: must be at least 1, not 0",
                "api.yaml:13:27 spec.failedJobsHistoryLimit: must not be negative, not -3");
    }

    @Test
    void rejectsUnknownPolicyNamesSuggestingTheRightCase() {
        String yaml = JOB + "  concurrencyPolicy: forbid\n  completeWhen: Done\n";
        assertThat(fixture.errorsOf(yaml)).containsExactly(
                "api.yaml:11:22 spec.concurrencyPolicy: must be one of Allow, Forbid, Replace, not forbid; did you"
                        + " mean 'Forbid'?",
                "api.yaml:12:17 spec.completeWhen: must be one of Running, Succeeded, not Done");
    }

    @Test
    void rejectsTaskGroupFieldsInAJob() {
        assertThat(fixture.errorsOf(JOB + "  replicas: 1\n")).singleElement().asString()
                .startsWith("api.yaml:11:3 spec.replicas: unknown field (known here: schedule, timeZone,");
    }
}
