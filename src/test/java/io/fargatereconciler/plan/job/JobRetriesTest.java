package io.fargatereconciler.plan.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.NotificationEvent;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.plan.Launch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRetriesTest {
    private static final Instant START = Instant.parse("2024-05-01T09:59:00Z");

    /** A job due at 10:00, planned at 10:00:10, its first task just launched. */
    private static JobWorld launchedAtTen(TestJobs jobs) {
        JobWorld world = new JobWorld(jobs.build(), START);
        world.pass();
        world.advance(Duration.ofSeconds(70));
        world.pass();
        return world;
    }

    @Test
    void startFailuresAreRetriedWithBackoffAndNeverUseUpBackoffLimit() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *").backoffLimit(0).completeWhen(CompleteWhen.Running));

        for (int i = 0; i < 3; i++) { // the recipe's three tries would all be spent here
            world.eniTimeout(world.lastArn());
            world.pass();
            world.passAtWakeTimes(1);
        }
        world.running(world.lastArn());
        world.pass();

        assertThat(world.launches).hasSize(4);
        assertThat(world.launchesWithDistinctTokens()).isEqualTo(4);
        assertThat(world.launches).extracting(launch -> launch.extraTags().get(JobTags.ATTEMPT_TAG).split(" ")[0])
                .containsExactly("1", "2", "3", "4");
        assertThat(world.launches.get(3).extraTags()).containsEntry(JobTags.ATTEMPT_TAG, "4 start=3 task=0");
        assertThat(world.events(JobEvent.AttemptFailed.class)).hasSize(3)
                .allSatisfy(failed -> assertThat(failed.countsAgainstBackoffLimit()).isFalse());
        assertThat(world.finished(JobRunResult.Succeeded)).singleElement().satisfies(run -> {
            assertThat(run.attempts()).isEqualTo(4);
            assertThat(run.startFailures()).isEqualTo(3);
            assertThat(run.taskFailures()).isZero();
        });
        assertThat(world.events).extracting(event -> event.notification().orElse(null))
                .filteredOn(n -> n != null)
                .containsExactly(NotificationEvent.StartedAfterFailures, NotificationEvent.JobSucceeded);
    }

    @Test
    void retriesWaitByTheJobsBackoffGrowingUpToItsCap() {
        BackoffPolicy noJitter = new BackoffPolicy(Duration.ofSeconds(10), Duration.ofSeconds(30), 2.0, false,
                Duration.ofMinutes(10));
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *").backoff(noJitter));

        for (int i = 0; i < 4; i++) {
            world.eniTimeout(world.lastArn());
            world.pass();
            world.passAtWakeTimes(1);
        }

        assertThat(world.events(JobEvent.AttemptFailed.class))
                .extracting(failed -> Duration.between(failed.at(), failed.nextAttemptAt()))
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void jitteredBackoffStaysWithinItsCeilingAndIsTheSameForTheSameInputs() {
        JobRunId run = JobRunId.scheduled("nightly", Instant.parse("2024-05-01T10:00:00Z"));
        for (int failures = 1; failures <= 8; failures++) {
            Duration ceiling = Duration.ofSeconds(Math.min(300, 10L << (failures - 1)));
            Duration delay = JobBackoff.delay(BackoffPolicy.DEFAULT, failures, run.clientToken(failures + 1));

            assertThat(delay).isBetween(Duration.ZERO, ceiling);
            assertThat(JobBackoff.delay(BackoffPolicy.DEFAULT, failures, run.clientToken(failures + 1))).isEqualTo(delay);
        }
    }

    @Test
    void onlyTheTasksOwnFailuresCountAgainstBackoffLimit() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *").backoffLimit(2));

        world.eniTimeout(world.lastArn()); // platform: not counted
        world.pass();
        world.passAtWakeTimes(1);
        for (int i = 0; i < 2; i++) { // task failures 1 and 2: within the limit
            world.running(world.lastArn());
            world.exits(world.lastArn(), 1);
            world.pass();
            world.passAtWakeTimes(1);
        }
        world.stopTask(world.lastArn(), StopCause.SUBNET_IP_EXHAUSTED, "no free IP"); // platform again
        world.pass();
        world.passAtWakeTimes(1);
        world.running(world.lastArn());
        world.exits(world.lastArn(), 3); // task failure 3: more than backoffLimit 2
        world.pass();

        assertThat(world.launches).hasSize(5);
        assertThat(world.finished(JobRunResult.Failed)).singleElement().satisfies(run -> {
            assertThat(run.attempts()).isEqualTo(5);
            assertThat(run.startFailures()).isEqualTo(2);
            assertThat(run.taskFailures()).isEqualTo(3);
            assertThat(run.reason()).isEqualTo("the task failed 3 times, more than backoffLimit 2; last: container app exited with code 3");
        });
        assertThat(world.events(JobEvent.RunFinished.class)).singleElement()
                .satisfies(finished -> assertThat(finished.notification()).contains(NotificationEvent.JobFailed));
        assertThat(world.lastPlan.actions()).isEmpty();
    }

    @Test
    void backoffLimitZeroFailsTheRunOnTheFirstTaskFailure() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *").backoffLimit(0));
        world.running(world.lastArn());
        world.exits(world.lastArn(), 2);

        world.pass();

        assertThat(world.finished(JobRunResult.Failed)).hasSize(1);
        assertThat(world.launches).hasSize(1);
    }

    @Test
    void runTaskFailuresAreStartFailuresAndAreRetried() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 10 * * *").backoffLimit(0).build(), START);
        world.nextRunTaskAnswers.add(launch -> JobLaunchResult.failed("RESOURCE:ENI", StopCause.CAPACITY_UNAVAILABLE));
        world.nextRunTaskAnswers.add(launch -> JobLaunchResult.rejected("TaskDefinition is inactive"));
        world.pass();
        world.advance(Duration.ofSeconds(70));

        world.pass();
        world.passAtWakeTimes(2);

        assertThat(world.launches).hasSize(3);
        assertThat(world.events(JobEvent.AttemptFailed.class)).extracting(JobEvent.AttemptFailed::reason).containsExactly(
                "RunTask failure: RESOURCE:ENI", "RunTask rejected the call: TaskDefinition is inactive");
        assertThat(world.liveTasks()).hasSize(1);
    }

    @Test
    void aThrottledLaunchIsResentWithTheSameClientToken() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 10 * * *").build(), START);
        world.nextRunTaskAnswers.add(launch -> JobLaunchResult.throttled("Rate exceeded"));
        world.pass();
        world.advance(Duration.ofSeconds(70));

        world.pass();
        world.passAtWakeTimes(1);

        assertThat(world.launches).hasSize(2).extracting(Launch::clientToken).containsOnly(world.launches.get(0).clientToken());
        assertThat(world.events(JobEvent.AttemptFailed.class)).isEmpty();
        assertThat(world.liveTasks()).hasSize(1);
    }

    @Test
    void startRetriesEndWhenTheStartingDeadlinePasses() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *").deadline(Duration.ofMinutes(2))
                .backoff(new BackoffPolicy(Duration.ofSeconds(45), Duration.ofMinutes(5), 2.0, false, Duration.ofMinutes(10))));

        world.eniTimeout(world.lastArn());
        world.pass();
        world.passAtWakeTimes(1); // 10:00:55: second attempt
        world.eniTimeout(world.lastArn());
        world.pass();
        world.passAtWakeTimes(1); // 10:02:25: past 10:02

        assertThat(world.launches).hasSize(2);
        assertThat(world.finished(JobRunResult.Failed)).singleElement().satisfies(run -> assertThat(run.reason())
                .startsWith("could not start within startingDeadlineSeconds 120 after its scheduled time 2024-05-01T10:00:00Z "
                        + "after 2 failed starts; last: ENI_PROVISIONING_TIMEOUT"));
    }

    @Test
    void aRunThatStartedOnTimeKeepsRetryingTaskFailuresPastItsDeadline() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *").deadline(Duration.ofMinutes(1)));
        world.running(world.lastArn());
        world.pass();
        world.advance(Duration.ofMinutes(30));
        world.exits(world.lastArn(), 1);

        world.pass();
        world.passAtWakeTimes(1);

        assertThat(world.launches).hasSize(2);
        assertThat(world.finished(JobRunResult.Failed)).isEmpty();
    }

    @Test
    void aTaskStoppedByAPersonFailsTheRunWithoutRetry() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *"));
        world.running(world.lastArn());
        world.stopTask(world.lastArn(), StopCause.STOPPED_BY_USER, "Task stopped by user alice");

        world.pass();
        world.advance(Duration.ofMinutes(10));
        world.pass();

        assertThat(world.launches).hasSize(1);
        assertThat(world.finished(JobRunResult.Failed)).singleElement().satisfies(run -> assertThat(run.reason())
                .isEqualTo("stopped by a person or another system: Task stopped by user alice; not retried"));
    }

    @Test
    void aSpotInterruptionIsRetriedWithoutCountingAgainstBackoffLimit() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *").backoffLimit(0));
        world.running(world.lastArn());
        world.stopTask(world.lastArn(), StopCause.PLATFORM_TERMINATION, "Your Spot Task was interrupted.");

        world.pass();
        world.passAtWakeTimes(1);

        assertThat(world.launches).hasSize(2);
        assertThat(world.finished(JobRunResult.Failed)).isEmpty();
    }

    @Test
    void completeWhenSucceededWaitsForEveryEssentialContainerToExitZero() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *").completeWhen(CompleteWhen.Succeeded));
        world.running(world.lastArn());
        world.pass();
        assertThat(world.finished(JobRunResult.Succeeded)).isEmpty();
        assertThat(world.events(JobEvent.RunStarted.class)).singleElement().satisfies(started -> {
            assertThat(started.scheduleDelay()).isEqualTo(Duration.ofSeconds(10));
            assertThat(started.notification()).isEmpty();
        });

        world.advance(Duration.ofMinutes(20));
        world.exits(world.lastArn(), 0); // the non-essential sidecar's 137 does not matter
        world.pass();

        assertThat(world.finished(JobRunResult.Succeeded)).singleElement().satisfies(run -> {
            assertThat(run.launchedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:10Z"));
            assertThat(run.runningAt()).isEqualTo(Instant.parse("2024-05-01T10:00:10Z"));
            assertThat(run.finishedAt()).isEqualTo(Instant.parse("2024-05-01T10:20:10Z"));
            assertThat(run.reason()).isEqualTo("every essential container exited 0");
        });
        assertThat(world.lastPlan.status().active()).isEmpty();
    }

    @Test
    void completeWhenRunningSucceedsAtRunningAndLeavesTheTaskAlone() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *").completeWhen(CompleteWhen.Running));
        world.running(world.lastArn());

        world.pass();
        world.advance(Duration.ofMinutes(20));
        world.exits(world.lastArn(), 1);
        world.pass();
        world.advance(Duration.ofMinutes(10));
        world.pass();

        assertThat(world.finished(JobRunResult.Succeeded)).hasSize(1);
        assertThat(world.finished(JobRunResult.Failed)).isEmpty();
        assertThat(world.launches).hasSize(1);
        assertThat(world.stops).isEmpty();
    }

    @Test
    void historyKeepsTheConfiguredNumberOfSucceededAndFailedRunsNewestFirst() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 * * * *").backoffLimit(0).history(2, 1).build(), START);
        world.pass();
        for (int hour = 0; hour < 5; hour++) {
            world.passAtWakeTimes(1);
            world.running(world.lastArn());
            world.exits(world.lastArn(), hour == 2 || hour == 3 ? 1 : 0);
            world.pass();
        }

        List<JobRunRecord> history = world.lastPlan.status().history();
        assertThat(history).extracting(r -> r.scheduledTime().toString(), JobRunRecord::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2024-05-01T14:00:00Z", JobRunResult.Succeeded),
                org.assertj.core.groups.Tuple.tuple("2024-05-01T13:00:00Z", JobRunResult.Failed),
                org.assertj.core.groups.Tuple.tuple("2024-05-01T11:00:00Z", JobRunResult.Succeeded));
        assertThat(world.lastPlan.status().lastScheduleTime()).isEqualTo(Instant.parse("2024-05-01T14:00:00Z"));
    }
}
