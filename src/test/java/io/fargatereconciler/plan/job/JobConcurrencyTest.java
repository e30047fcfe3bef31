package io.fargatereconciler.plan.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.ConcurrencyPolicy;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.Stop;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobConcurrencyTest {
    private static final Instant BEFORE_TEN = Instant.parse("2024-05-01T09:59:00Z");

    /** The 10:00 run is running; the clock is at 11:00:10 when the next pass comes. */
    private static JobWorld firstRunStillRunningAtEleven(ConcurrencyPolicy policy, CompleteWhen completeWhen) {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 * * * *").concurrency(policy).completeWhen(completeWhen)
                .build(), BEFORE_TEN);
        world.pass();
        world.advance(Duration.ofSeconds(70));
        world.pass();
        world.running(world.lastArn());
        world.pass();
        world.advance(Duration.ofMinutes(60));
        return world;
    }

    @Test
    void allowStartsTheNextRunBesideTheOneStillRunning() {
        JobWorld world = firstRunStillRunningAtEleven(ConcurrencyPolicy.Allow, CompleteWhen.Succeeded);

        JobPlan plan = world.pass();

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Launch.class, launch ->
                assertThat(launch.extraTags()).containsEntry(Ownership.JOB_RUN_TAG, "2024-05-01T11:00:00Z"));
        assertThat(world.liveTasks()).hasSize(2);
        assertThat(plan.status().active()).hasSize(2);
    }

    @Test
    void forbidSkipsTheNextRunAndRecordsWhy() {
        JobWorld world = firstRunStillRunningAtEleven(ConcurrencyPolicy.Forbid, CompleteWhen.Succeeded);

        JobPlan plan = world.pass();

        assertThat(plan.actions()).isEmpty();
        assertThat(world.finished(JobRunResult.Skipped)).singleElement().satisfies(skipped -> {
            assertThat(skipped.scheduledTime()).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
            assertThat(skipped.reason()).isEqualTo(
                    "skipped: run 2024-05-01T10:00:00Z is still active (concurrencyPolicy: Forbid)");
            assertThat(skipped.attempts()).isZero();
        });
    }

    @Test
    void forbidCountsATaskStillRunningAfterItsRunCompletedOnRunning() {
        JobWorld world = firstRunStillRunningAtEleven(ConcurrencyPolicy.Forbid, CompleteWhen.Running);

        world.pass();

        assertThat(world.finished(JobRunResult.Succeeded)).hasSize(1);
        assertThat(world.finished(JobRunResult.Skipped)).hasSize(1);
        assertThat(world.liveTasks()).hasSize(1);
    }

    @Test
    void forbidStartsTheNextTimeOnceThePreviousRunEnded() {
        JobWorld world = firstRunStillRunningAtEleven(ConcurrencyPolicy.Forbid, CompleteWhen.Succeeded);
        world.pass();
        world.exits(world.lastArn(), 0);

        world.advance(Duration.ofMinutes(60));
        world.pass();

        assertThat(world.launches).extracting(launch -> launch.extraTags().get(Ownership.JOB_RUN_TAG))
                .containsExactly("2024-05-01T10:00:00Z", "2024-05-01T12:00:00Z");
    }

    @Test
    void replaceStopsTheRunningTaskRecordsItsRunAsReplacedAndStartsTheNewRun() {
        JobWorld world = firstRunStillRunningAtEleven(ConcurrencyPolicy.Replace, CompleteWhen.Succeeded);
        String first = world.lastArn();

        JobPlan plan = world.pass();

        assertThat(plan.actions()).hasSize(2);
        assertThat(plan.actions().get(0)).isInstanceOfSatisfying(Stop.class, stop -> {
            assertThat(stop.taskArn()).isEqualTo(first);
            assertThat(stop.reason()).isEqualTo(
                    "fargate-reconciler: replaced by run 2024-05-01T11:00:00Z (concurrencyPolicy: Replace)");
        });
        assertThat(plan.actions().get(1)).isInstanceOf(Launch.class);
        assertThat(world.finished(JobRunResult.Replaced)).singleElement()
                .satisfies(replaced -> assertThat(replaced.scheduledTime()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z")));
        assertThat(world.liveTasks()).extracting(ObservedTask::taskArn).doesNotContain(first).hasSize(1);
    }

    @Test
    void replaceAsksAgainWhenAStoppedTaskKeepsRunning() {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 * * * *").concurrency(ConcurrencyPolicy.Replace).build(),
                BEFORE_TEN);
        world.pass();
        world.advance(Duration.ofSeconds(70));
        world.pass();
        world.running(world.lastArn());
        String first = world.lastArn();
        JobPlanner planner = new JobPlanner();
        world.advance(Duration.ofMinutes(60));
        JobPlan replacing = planner.plan(world.job, world.liveTasks(), world.memory, world.now);

        // the StopTask call got lost: the task is still RUNNING with desiredStatus RUNNING on the next pass
        JobPlan again = planner.plan(world.job, world.liveTasks(), replacing.memory(), world.now.plusSeconds(30));

        assertThat(again.actions()).singleElement().isInstanceOfSatisfying(Stop.class, stop -> {
            assertThat(stop.taskArn()).isEqualTo(first);
            assertThat(stop.reason()).contains("still running after an earlier StopTask");
        }); // and no second launch: the new run's attempt is still expected
    }

    @Test
    void aJobWithoutScheduleRunsItsNewSpecOnceThePreviousRunEndedUnderForbid() {
        JobWorld world = new JobWorld(TestJobs.once().concurrency(ConcurrencyPolicy.Forbid).build(), BEFORE_TEN);
        world.pass();
        world.running(world.lastArn());
        world.pass();

        world.job = TestJobs.once().concurrency(ConcurrencyPolicy.Forbid).taskDefinition("report:2").build();
        world.pass();
        assertThat(world.launches).hasSize(1);
        world.exits(world.lastArn(), 0);
        world.pass();

        assertThat(world.launches).hasSize(2);
        assertThat(world.launches.get(1).extraTags().get(Ownership.JOB_RUN_TAG))
                .isEqualTo("spec-" + world.job.task().specHash());
        assertThat(world.finished(JobRunResult.Skipped)).isEmpty();
    }

    @Test
    void aJobWithoutScheduleReplacesTheRunOfItsOldSpecUnderReplace() {
        JobWorld world = new JobWorld(TestJobs.once().concurrency(ConcurrencyPolicy.Replace).build(), BEFORE_TEN);
        world.pass();
        world.running(world.lastArn());
        String old = world.lastArn();
        world.pass();

        world.job = TestJobs.once().concurrency(ConcurrencyPolicy.Replace).taskDefinition("report:2").build();
        JobPlan plan = world.pass();

        assertThat(world.stops).singleElement().satisfies(stop -> assertThat(stop.taskArn()).isEqualTo(old));
        assertThat(world.finished(JobRunResult.Replaced)).hasSize(1);
        assertThat(plan.status().active()).singleElement()
                .satisfies(run -> assertThat(run.id().specHash()).isEqualTo(world.job.task().specHash()));
    }

    @Test
    void aRetryOfAnOlderSpecsRunIsNotSentOnceTheSpecChanged() {
        JobWorld world = new JobWorld(TestJobs.once().build(), BEFORE_TEN);
        world.pass();
        world.eniTimeout(world.lastArn());
        world.pass(); // the old spec's run waits for its second attempt

        world.job = TestJobs.once().taskDefinition("report:2").build();
        world.pass();
        world.advance(Duration.ofMinutes(10));
        world.pass();

        assertThat(world.finished(JobRunResult.Replaced)).singleElement().satisfies(run ->
                assertThat(run.reason()).startsWith("superseded by spec " + world.job.task().specHash()));
        assertThat(world.launches).hasSize(2);
        assertThat(world.launches.get(1).task().taskDefinition()).isEqualTo("report:2");
    }
}
