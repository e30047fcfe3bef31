package io.fargatereconciler.plan.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.NotificationEvent;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Ownership;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobSchedulingTest {

    /** Run times of the launches so far, from their job-run tags. */
    private static List<Instant> launchedRuns(JobWorld world) {
        return world.launches.stream().map(l -> Instant.parse(l.extraTags().get(Ownership.JOB_RUN_TAG))).distinct().toList();
    }

    /** Every task that starts reaches RUNNING and succeeds soon after. */
    private static Runnable tasksSucceed(JobWorld world) {
        return () -> world.liveTasks().forEach(task -> {
            if (task.startedAt() == null) {
                world.running(task.taskArn());
            } else {
                world.exits(task.taskArn(), 0);
            }
        });
    }

    @Test
    void launchesOneTaskPerScheduledTimeWithTheRunTagsAndAClientTokenOfJobRunAndAttempt() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 * * * *").build(), Instant.parse("2024-05-01T09:59:30Z"));
        world.pass();

        world.advance(Duration.ofSeconds(31));
        JobPlan plan = world.pass();
        world.pass();

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Launch.class, launch -> {
            assertThat(launch.count()).isEqualTo(1);
            assertThat(launch.extraTags()).containsEntry(Ownership.JOB_RUN_TAG, "2024-05-01T10:00:00Z")
                    .containsEntry(JobTags.ATTEMPT_TAG, "1 start=0 task=0");
            assertThat(launch.clientToken())
                    .isEqualTo(JobRunId.scheduled("nightly", Instant.parse("2024-05-01T10:00:00Z")).clientToken(1))
                    .hasSizeLessThanOrEqualTo(64);
            assertThat(launch.subnets()).containsExactly("subnet-a", "subnet-b");
        });
        assertThat(world.launches).hasSize(1);
    }

    @Test
    void wakesUpAtTheNextScheduledTime() {
        JobWorld world = new JobWorld(TestJobs.scheduled("15 3 * * *").build(), Instant.parse("2024-05-01T12:00:00Z"));

        JobPlan plan = world.pass();

        assertThat(plan.wakeAt()).isEqualTo(Instant.parse("2024-05-02T03:15:00Z"));
        assertThat(plan.requeueAfter(world.now)).contains(Duration.ofHours(15).plusMinutes(15));
        assertThat(plan.status().nextScheduleTime()).isEqualTo(Instant.parse("2024-05-02T03:15:00Z"));
    }

    @Test
    void aRunSkippedBySpringForwardStartsRightAfterTheGapAndOnlyOnce() {
        JobWorld world = new JobWorld(TestJobs.scheduled("30 2 * * *").zone("America/New_York").build(),
                Instant.parse("2024-03-09T12:00:00Z"));

        world.runUntil(Instant.parse("2024-03-11T12:00:00Z"), Duration.ofMinutes(5), tasksSucceed(world));

        assertThat(launchedRuns(world)).containsExactly(
                Instant.parse("2024-03-10T07:00:00Z"), // 03:00 EDT, the first instant after the gap
                Instant.parse("2024-03-11T06:30:00Z"));
        assertThat(world.finished(JobRunResult.Succeeded)).hasSize(2);
    }

    @Test
    void aRunInTheRepeatedFallBackHourStartsOnlyOnce() {
        JobWorld world = new JobWorld(TestJobs.scheduled("30 1 * * *").zone("America/New_York").build(),
                Instant.parse("2024-11-02T12:00:00Z"));

        world.runUntil(Instant.parse("2024-11-03T12:00:00Z"), Duration.ofMinutes(5), tasksSucceed(world));

        assertThat(launchedRuns(world)).containsExactly(Instant.parse("2024-11-03T05:30:00Z"));
        assertThat(world.launches).hasSize(1);
    }

    @Test
    void theThirtyFirstRunsOnlyInMonthsWithOneEvenWhenPassesFollowTheWakeTimes() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 6 31 * *").completeWhen(CompleteWhen.Running).build(),
                Instant.parse("2024-01-15T00:00:00Z"));
        world.pass();

        for (int i = 0; i < 4; i++) {
            world.passAtWakeTimes(1);
            world.liveTasks().forEach(task -> world.running(task.taskArn()));
            world.pass();
            world.liveTasks().forEach(task -> world.exits(task.taskArn(), 0));
        }

        assertThat(launchedRuns(world)).containsExactly(Instant.parse("2024-01-31T06:00:00Z"),
                Instant.parse("2024-03-31T06:00:00Z"), Instant.parse("2024-05-31T06:00:00Z"),
                Instant.parse("2024-07-31T06:00:00Z"));
    }

    @Test
    void februaryTheTwentyNinthRunsEveryFourYears() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 0 29 2 *").completeWhen(CompleteWhen.Running).build(),
                Instant.parse("2023-12-01T00:00:00Z"));
        JobPlan first = world.pass();

        world.passAtWakeTimes(1);
        world.liveTasks().forEach(task -> world.running(task.taskArn()));
        JobPlan afterRun = world.pass();

        assertThat(first.wakeAt()).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(launchedRuns(world)).containsExactly(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(afterRun.status().nextScheduleTime()).isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
    }

    @Test
    void afterADayWithoutPlanningOnlyTheMostRecentTimeStartsAndTheOthersAreRecordedAsMissed() {
        JobWorld world = new JobWorld(TestJobs.scheduled("*/15 * * * *").history(3, 2).build(),
                Instant.parse("2024-05-01T09:59:00Z"));
        world.pass();
        world.advance(Duration.ofSeconds(90));
        world.pass();
        world.running(world.lastArn());
        world.exits(world.lastArn(), 0);
        world.pass();

        world.advance(Duration.ofHours(24).plusMinutes(4)); // the loop was paused, e.g. ECS unreachable all day
        JobPlan plan = world.pass();

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Launch.class, launch ->
                assertThat(launch.extraTags()).containsEntry(Ownership.JOB_RUN_TAG, "2024-05-02T10:00:00Z"));
        assertThat(world.events(JobEvent.RunsMissed.class)).singleElement().satisfies(missed -> {
            assertThat(missed.count()).isEqualTo(95);
            assertThat(missed.first()).isEqualTo(Instant.parse("2024-05-01T10:15:00Z"));
            assertThat(missed.last()).isEqualTo(Instant.parse("2024-05-02T09:45:00Z"));
            assertThat(missed.notification()).contains(NotificationEvent.JobFailed);
        });
        assertThat(plan.status().history()).extracting(JobRunRecord::result, JobRunRecord::scheduledTime)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(JobRunResult.Missed, Instant.parse("2024-05-02T09:45:00Z")),
                        org.assertj.core.groups.Tuple.tuple(JobRunResult.Missed, Instant.parse("2024-05-02T09:30:00Z")),
                        org.assertj.core.groups.Tuple.tuple(JobRunResult.Succeeded, Instant.parse("2024-05-01T10:00:00Z")));
        assertThat(plan.status().history().get(0).reason()).contains("only the most recent scheduled time");
    }

    @Test
    void afterAnOutageTheMostRecentTimeIsMissedTooWhenItIsPastItsDeadline() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 * * * *").deadline(Duration.ofMinutes(10)).build(),
                Instant.parse("2024-05-01T10:30:00Z"));
        world.pass();

        world.advance(Duration.ofHours(5)); // 15:30: the 15:00 run is 30 minutes late
        JobPlan plan = world.pass();

        assertThat(plan.actions()).isEmpty();
        assertThat(world.events(JobEvent.RunsMissed.class)).singleElement()
                .satisfies(missed -> assertThat(missed.count()).isEqualTo(4));
        assertThat(world.finished(JobRunResult.Missed)).singleElement().satisfies(missed -> {
            assertThat(missed.scheduledTime()).isEqualTo(Instant.parse("2024-05-01T15:00:00Z"));
            assertThat(missed.reason()).contains("1800 s after its scheduled time", "startingDeadlineSeconds 600");
        });
    }

    @Test
    void aRunPlannedLaterThanItsStartingDeadlineIsMissedNotStarted() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 3 * * *").deadline(Duration.ofSeconds(60)).build(),
                Instant.parse("2024-05-01T02:59:00Z"));
        world.pass();

        world.advance(Duration.ofSeconds(150)); // 03:01:30, 90 s late
        world.pass();

        assertThat(world.launches).isEmpty();
        assertThat(world.finished(JobRunResult.Missed)).singleElement()
                .satisfies(missed -> assertThat(missed.scheduledTime()).isEqualTo(Instant.parse("2024-05-01T03:00:00Z")));
        assertThat(world.events(JobEvent.RunsMissed.class)).isEmpty();
    }

    @Test
    void aRunWithinItsStartingDeadlineStarts() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 3 * * *").deadline(Duration.ofSeconds(60)).build(),
                Instant.parse("2024-05-01T02:59:00Z"));
        world.pass();

        world.advance(Duration.ofSeconds(119)); // 59 s late
        world.pass();

        assertThat(world.launches).hasSize(1);
    }

    @Test
    void afterADaemonRestartTheMostRecentTimeStartsIfItIsWithinTheHourECSRemembersTokens() {
        JobWorld world = new JobWorld(TestJobs.scheduled("*/15 * * * *").build(), Instant.parse("2024-05-02T10:20:00Z"));
        world.restartDaemon(); // down for a day, say; nothing is known of the past

        JobPlan plan = world.pass();

        assertThat(launchedRuns(world)).containsExactly(Instant.parse("2024-05-02T10:15:00Z"));
        assertThat(world.events(JobEvent.RunsMissed.class)).isEmpty(); // unknown, not invented
        assertThat(plan.status().history()).isEmpty();
    }

    @Test
    void afterADaemonRestartATimeMoreThanAnHourAgoIsNotStartedSinceItMayHaveRunAlready() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 2 * * *").build(), Instant.parse("2024-05-02T05:00:00Z"));
        world.restartDaemon();
        world.pass();

        world.runUntil(Instant.parse("2024-05-03T02:10:00Z"), Duration.ofMinutes(10), () -> { });

        assertThat(launchedRuns(world)).containsExactly(Instant.parse("2024-05-03T02:00:00Z"));
    }

    @Test
    void afterADaemonRestartTheStartingDeadlineNarrowsTheCatchUpWindow() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 2 * * *").deadline(Duration.ofMinutes(5)).build(),
                Instant.parse("2024-05-02T02:06:00Z"));
        world.restartDaemon();

        world.pass();

        assertThat(world.launches).isEmpty();
    }

    @Test
    void aJobAddedWhileTheDaemonRunsDoesNotStartForATimeBeforeItWasAdded() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 * * * *").build(), Instant.parse("2024-05-02T10:05:00Z"));

        world.pass();

        assertThat(world.launches).isEmpty();
    }

    @Test
    void aSuspendedJobStartsNothingAndDoesNotCatchUpWhenResumed() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 * * * *").suspend(true).build(),
                Instant.parse("2024-05-01T09:30:00Z"));
        world.runUntil(Instant.parse("2024-05-01T12:30:00Z"), Duration.ofMinutes(10), () -> { });
        assertThat(world.lastPlan.status().nextScheduleTime()).isNull();

        world.job = TestJobs.scheduled("0 * * * *").build();
        world.pass();
        world.runUntil(Instant.parse("2024-05-01T13:05:00Z"), Duration.ofMinutes(10), () -> { });

        assertThat(launchedRuns(world)).containsExactly(Instant.parse("2024-05-01T13:00:00Z"));
        assertThat(world.finished(JobRunResult.Missed)).isEmpty();
    }

    @Test
    void aNeverFiringScheduleStartsNothingAndHasNoNextTime() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 0 30 2 *").build(), Instant.parse("2024-05-01T00:00:00Z"));

        JobPlan plan = world.pass();

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.wakeAt()).isNull();
        assertThat(Optional.ofNullable(plan.status().nextScheduleTime())).isEmpty();
    }
}
