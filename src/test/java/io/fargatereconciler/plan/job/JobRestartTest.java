package io.fargatereconciler.plan.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.plan.Launch;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobRestartTest {
    private static final Instant START = Instant.parse("2024-05-01T09:59:00Z");

    private static JobWorld launchedAtTen(TestJobs jobs) {
        JobWorld world = new JobWorld(jobs.build(), START);
        world.pass();
        world.advance(Duration.ofSeconds(70));
        world.pass();
        return world;
    }

    @Test
    void aDaemonRestartInTheMiddleOfARunDoesNotStartASecondCopy() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *"));
        world.running(world.lastArn());
        world.pass();
        world.advance(Duration.ofMinutes(3));

        world.restartDaemon();
        JobPlan afterRestart = world.pass();
        world.advance(Duration.ofMinutes(10));
        world.pass();
        world.exits(world.lastArn(), 0);
        world.pass();

        assertThat(afterRestart.actions()).isEmpty();
        assertThat(afterRestart.status().active()).singleElement().satisfies(run -> {
            assertThat(run.id().scheduledTime()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
            assertThat(run.phase()).isEqualTo(JobRun.Phase.RUNNING);
        });
        assertThat(world.allTasks()).hasSize(1);
        assertThat(world.finished(JobRunResult.Succeeded)).singleElement();
    }

    @Test
    void aRestartedDaemonContinuesTheAttemptNumberingAndFailureCountsFromTheTags() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *").backoffLimit(1));
        for (int i = 0; i < 2; i++) {
            world.eniTimeout(world.lastArn());
            world.pass();
            world.passAtWakeTimes(1);
        }
        world.running(world.lastArn());
        world.exits(world.lastArn(), 1);
        world.pass();
        world.passAtWakeTimes(1); // attempt 4 is live
        world.running(world.lastArn());

        world.restartDaemon();
        world.pass();
        world.exits(world.lastArn(), 1); // the second task failure: more than backoffLimit 1
        world.pass();

        assertThat(world.launches).hasSize(4);
        assertThat(world.launches.get(3).extraTags()).containsEntry(JobTags.ATTEMPT_TAG, "4 start=2 task=1");
        assertThat(world.finished(JobRunResult.Failed)).singleElement().satisfies(run -> {
            assertThat(run.attempts()).isEqualTo(4);
            assertThat(run.startFailures()).isEqualTo(2);
            assertThat(run.taskFailures()).isEqualTo(2);
        });
    }

    @Test
    void aRunThatEndedBeforeTheRestartIsReturnedByECSForItsClientTokenNotStartedAgain() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *"));
        world.running(world.lastArn());
        world.advance(Duration.ofMinutes(5));
        world.exits(world.lastArn(), 0);
        world.pass();
        world.advance(Duration.ofMinutes(20)); // 10:25: the 10:00 run is within the restart catch-up hour

        world.restartDaemon();
        JobPlan afterRestart = world.pass();
        world.pass();

        assertThat(afterRestart.actions()).singleElement().isInstanceOfSatisfying(Launch.class, launch ->
                assertThat(launch.clientToken()).isEqualTo(world.launches.get(0).clientToken()));
        assertThat(world.allTasks()).hasSize(1);
        assertThat(world.lastPlan.status().active()).isEmpty();
        assertThat(world.finished(JobRunResult.Succeeded)).hasSize(2) // reported again: at least once
                .extracting(JobRunRecord::scheduledTime).containsOnly(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void anAttemptNothingIsHeardOfIsResentWithTheSameClientTokenAndStartsNoSecondTask() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 10 * * *").build(), START);
        world.pass();
        world.advance(Duration.ofSeconds(70));
        world.answersToLose = 1; // the RunTask answer is lost (a crash of the connection)
        world.pass();
        world.hidden.add(world.lastArn()); // and ListTasks lags behind

        world.advance(Duration.ofMinutes(2));
        JobPlan tooEarly = world.pass();
        world.advance(Duration.ofMinutes(3));
        JobPlan resent = world.pass();
        world.hidden.clear();
        world.pass();

        assertThat(tooEarly.actions()).isEmpty();
        assertThat(resent.actions()).singleElement().isInstanceOfSatisfying(Launch.class, launch ->
                assertThat(launch.clientToken()).isEqualTo(world.launches.get(0).clientToken()));
        assertThat(world.allTasks()).hasSize(1);
        assertThat(world.lastPlan.status().active()).singleElement()
                .satisfies(run -> assertThat(run.taskArn()).isEqualTo(world.lastArn()));
    }

    @Test
    void anAttemptLostSightOfForAnHourIsNotResentAgainSinceECSMayHaveForgottenItsToken() {
        JobWorld world = launchedAtTen(TestJobs.scheduled("0 10 * * *").completeWhen(CompleteWhen.Succeeded));
        world.running(world.lastArn());
        world.pass();
        world.hidden.add(world.lastArn()); // from now on neither ListTasks nor DescribeTasks shows the task
        world.answersToLose = 1_000; // and no RunTask answer comes back

        world.runUntil(Instant.parse("2024-05-01T11:15:00Z"), Duration.ofMinutes(5), () -> { });

        assertThat(world.launches).hasSizeBetween(2, 13)
                .extracting(Launch::clientToken).containsOnly(world.launches.get(0).clientToken());
        assertThat(world.launches.get(world.launches.size() - 1).reason()).contains("re-sent with the same clientToken");
        assertThat(world.finished(JobRunResult.Unknown)).singleElement()
                .satisfies(run -> assertThat(run.reason()).contains("not re-sent, so it is never started twice"));
        assertThat(world.allTasks()).hasSize(1);
    }

    @Test
    void aJobWithoutScheduleRunsOncePerSpecHashAndAgainForANewSpec() {
        JobWorld world = new JobWorld(TestJobs.once().build(), START);
        world.pass();
        world.running(world.lastArn());
        world.exits(world.lastArn(), 0);
        world.pass();
        world.advance(Duration.ofDays(2));
        world.pass();
        assertThat(world.launches).hasSize(1);

        world.job = TestJobs.once().taskDefinition("report:2").build();
        world.pass();

        assertThat(world.launches).hasSize(2);
        assertThat(world.launches).extracting(launch -> launch.extraTags().get(io.fargatereconciler.plan.Ownership.JOB_RUN_TAG))
                .containsExactly("spec-" + TestJobs.once().build().task().specHash(), "spec-" + world.job.task().specHash());
    }

    @Test
    void aJobWithoutScheduleIsRecognisedFromItsLiveTaskAfterARestart() {
        JobWorld world = new JobWorld(TestJobs.once().build(), START);
        world.pass();
        world.running(world.lastArn());
        world.pass();

        world.restartDaemon();
        world.pass();

        assertThat(world.launches).hasSize(1);
        assertThat(world.lastPlan.status().active()).hasSize(1);
    }
}
