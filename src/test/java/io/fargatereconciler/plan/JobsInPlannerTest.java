package io.fargatereconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.ConcurrencyPolicy;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.observe.ContainerExit;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.TaskStatus;
import io.fargatereconciler.plan.job.JobEvent;
import io.fargatereconciler.plan.job.JobMemories;
import io.fargatereconciler.plan.job.JobMemory;
import io.fargatereconciler.plan.job.JobRunId;
import io.fargatereconciler.plan.job.JobRunResult;
import io.fargatereconciler.plan.job.JobTags;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jobs planned alongside TaskGroups by the {@link Planner}: one budget, one pause, results folded back. */
class JobsInPlannerTest {
    private static final Instant NOON = Fixtures.T0; // 12:00: the job below is due

    private static Job job(String name, String schedule) {
        TaskSpec spec = new TaskSpec(Fixtures.CLUSTER, "report:1", null, null, null,
                new Network(List.of("subnet-a"), List.of(), false), null, null, null, false, null, null);
        return new Job(new Metadata(name, Map.of()), new SourceLocation("desired-state/" + name + ".yaml", 1, 1), spec,
                schedule, ZoneId.of("UTC"), 6, ConcurrencyPolicy.Forbid, null, CompleteWhen.Succeeded, false, 3, 1);
    }

    private static ObservedTask taskOf(Launch launch, String arn, TaskStatus status, List<ContainerExit> containers) {
        Map<String, String> tags = new HashMap<>(launch.extraTags());
        tags.put(Ownership.GROUP_TAG, launch.group().toString());
        tags.put(Ownership.SPEC_HASH_TAG, launch.task().specHash());
        boolean stopped = status == TaskStatus.STOPPED;
        return new ObservedTask(arn, Fixtures.CLUSTER, launch.group(), launch.task().specHash(), Fixtures.OWNER, status,
                stopped ? TaskStatus.STOPPED : TaskStatus.RUNNING, NOON, NOON.plusSeconds(40),
                stopped ? NOON.plusSeconds(300) : null, "subnet-a", stopped ? "EssentialContainerExited" : null, null,
                stopped ? StopCause.ESSENTIAL_CONTAINER_EXITED : null, containers, tags);
    }

    @Test
    void aDueJobIsLaunchedBeforeTheGroupsAndDrawsOnTheSameBudget() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS.withLaunchBudget(new LaunchBudget.Limits(1, 2, 1, 2)));
        Job nightly = job("nightly", "0 12 * * *");
        TaskGroup api = Fixtures.group("api", 5);
        DesiredState desired = DesiredState.of(List.of(api, nightly), NOON);

        Plan plan = planner.plan(desired, Fixtures.observed(NOON.plusSeconds(5)), Fixtures.runningDaemon()
                .withJobs(JobMemories.NONE.with(nightly,
                        JobMemory.startingAt(NOON.minusSeconds(60)))), NOON.plusSeconds(5));

        assertThat(plan.launches()).hasSize(2);
        assertThat(plan.launches().get(0).group()).isEqualTo(nightly.key());
        assertThat(plan.launches().get(0).extraTags()).containsEntry(Ownership.JOB_RUN_TAG, "2025-03-01T12:00:00Z")
                .containsEntry(JobTags.ATTEMPT_TAG, "1 start=0 task=0");
        assertThat(plan.launches().get(1).group()).isEqualTo(api.key());
        assertThat(plan.launches().get(1).count()).isEqualTo(1); // what the budget left
        assertThat(plan.jobs()).containsKey(nightly.key());
        assertThat(plan.requeueAt()).isNotNull();
    }

    @Test
    void aJobLaunchNotSentWhileThePlannerPausesIsRetriedWithTheSameToken() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS);
        Job nightly = job("nightly", "0 12 * * *");
        DesiredState desired = DesiredState.of(List.of(nightly), NOON);
        PlannerMemory memory = Fixtures.runningDaemon().withJobs(JobMemories.NONE
                .with(nightly, JobMemory.startingAt(NOON.minusSeconds(60))))
                .withPause(new ThrottlePause(1, NOON.plusSeconds(20)));

        Plan paused = planner.plan(desired, Fixtures.observed(NOON.plusSeconds(5)), memory, NOON.plusSeconds(5));
        Plan later = planner.plan(desired, Fixtures.observed(NOON.plusSeconds(30)), paused.memory(), NOON.plusSeconds(30));

        assertThat(paused.launches()).isEmpty();
        assertThat(later.launches()).singleElement().satisfies(launch -> assertThat(launch.clientToken())
                .isEqualTo(JobRunId.scheduled("nightly", NOON).clientToken(1)));
    }

    @Test
    void runTaskAnswersAreFoldedIntoTheJobAndItsEndIsReportedOnce() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS);
        Job nightly = job("nightly", "0 12 * * *");
        DesiredState desired = DesiredState.of(List.of(nightly), NOON);
        PlannerMemory memory = Fixtures.runningDaemon().withJobs(JobMemories.NONE
                .with(nightly, JobMemory.startingAt(NOON.minusSeconds(60))));
        Plan first = planner.plan(desired, Fixtures.observed(NOON.plusSeconds(5)), memory, NOON.plusSeconds(5));
        Launch launch = first.launches().get(0);
        ObservedTask started = taskOf(launch, "arn:task/1", TaskStatus.PROVISIONING, List.of());

        memory = planner.afterLaunch(first.memory(), launch, LaunchResult.started(List.of("arn:task/1"), List.of())
                .withTasks(List.of(started)), NOON.plusSeconds(6));
        ObservedTask exited = taskOf(launch, "arn:task/1", TaskStatus.STOPPED,
                List.of(new ContainerExit("app", true, 0, null)));
        Instant later = NOON.plus(Duration.ofMinutes(6));
        Plan second = planner.plan(desired, Fixtures.observed(later, exited), memory, later);
        Plan third = planner.plan(desired, Fixtures.observed(later.plusSeconds(30)), second.memory(), later.plusSeconds(30));

        assertThat(second.launches()).isEmpty();
        assertThat(second.jobEvents()).filteredOn(JobEvent.RunFinished.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((JobEvent.RunFinished) e).record().result()).isEqualTo(JobRunResult.Succeeded));
        assertThat(third.jobEvents()).isEmpty();
        assertThat(third.jobs().get(nightly.key()).history()).hasSize(1);
    }

    @Test
    void aJobOnAClusterThatWasNotObservedIsNotPlannedButKeepsItsMemory() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS);
        Job nightly = job("nightly", "0 12 * * *");
        DesiredState desired = DesiredState.of(List.of(nightly), NOON);

        Plan plan = planner.plan(desired, ObservedState.EMPTY, PlannerMemory.initial(1), NOON.plusSeconds(5));
        Plan observedLater = planner.plan(desired, Fixtures.observed(NOON.plusSeconds(40)), plan.memory(),
                NOON.plusSeconds(40));

        assertThat(plan.launches()).isEmpty();
        assertThat(plan.jobs().get(nightly.key()).active()).isEmpty();
        // remembered from the daemon's first pass as "past unknown": the 12:00 run is still started
        assertThat(observedLater.launches()).singleElement()
                .satisfies(launch -> assertThat(launch.group()).isEqualTo(nightly.key()));
    }

    @Test
    void aJobAddedWhileTheDaemonRunsStartsWithTheNextScheduledTime() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS);
        Job nightly = job("nightly", "0 12 * * *");

        Plan plan = planner.plan(DesiredState.of(List.of(nightly), NOON), Fixtures.observed(NOON.plusSeconds(5)),
                Fixtures.runningDaemon(), NOON.plusSeconds(5));

        assertThat(plan.launches()).isEmpty();
        assertThat(plan.jobs().get(nightly.key()).nextScheduleTime()).isEqualTo(NOON.plus(Duration.ofDays(1)));
    }

    @Test
    void aJobLaunchThePassDidNotSendIsSentSoonWithTheSameToken() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS);
        Job nightly = job("nightly", "0 12 * * *");
        DesiredState desired = DesiredState.of(List.of(nightly), NOON);
        PlannerMemory memory = Fixtures.runningDaemon().withJobs(JobMemories.NONE
                .with(nightly, JobMemory.startingAt(NOON.minusSeconds(60))));
        Plan first = planner.plan(desired, Fixtures.observed(NOON.plusSeconds(5)), memory, NOON.plusSeconds(5));

        PlannerMemory skipped = planner.afterNotSent(first.memory(), first.launches().get(0), NOON.plusSeconds(5));
        Plan soon = planner.plan(desired, Fixtures.observed(NOON.plusSeconds(20)), skipped, NOON.plusSeconds(20));

        assertThat(soon.launches()).singleElement().satisfies(launch ->
                assertThat(launch.clientToken()).isEqualTo(first.launches().get(0).clientToken()));
        assertThat(first.requeueAt()).isNotNull();
    }
}
