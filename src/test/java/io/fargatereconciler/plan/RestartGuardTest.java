package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.desired;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.launchedCount;
import static io.fargatereconciler.plan.Fixtures.observed;
import static io.fargatereconciler.plan.Fixtures.running;
import static io.fargatereconciler.plan.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.TaskStatus;
import io.fargatereconciler.plan.job.JobMemories;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestartGuardTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);
    private final Duration timeout = PlannerConfig.DEFAULTS.expectationTimeout();
    private final TaskGroup api = group("api", 3);

    @Test
    void aRestartedDaemonWaitsForListTasksToCatchUpWhenItSeesCopiesLaunchedJustBeforeIt() {
        ObservedState partlyListed = observed(T0, task(api, "arn:1", TaskStatus.PROVISIONING, T0.minusSeconds(5)));

        Plan first = planner.plan(desired(api), partlyListed, PlannerMemory.initial(1), T0);
        Plan caughtUp = planner.plan(desired(api), observed(T0.plus(timeout),
                task(api, "arn:1", TaskStatus.RUNNING, T0.minusSeconds(5))), first.memory(), T0.plus(timeout));

        assertThat(first.launches()).isEmpty();
        assertThat(first.groups().get(api.key()).hold()).isEqualTo(Hold.AFTER_RESTART);
        assertThat(first.groups().get(api.key()).condition(Condition.Type.Progressing)).satisfies(progressing -> {
            assertThat(progressing.reason()).isEqualTo("HeldAfterRestart");
            assertThat(progressing.message()).startsWith("launches held until " + T0.plus(timeout) + " (AFTER_RESTART)");
        });
        assertThat(first.requeueAt()).isEqualTo(T0.plus(timeout));
        assertThat(launchedCount(caughtUp)).isEqualTo(2);
    }

    @Test
    void aNewLeaderThatReadBackTheGroupsLaunchIntentsCountsThemInsteadOfHolding() {
        // given copies launched just before the takeover, one of them not listed yet but recorded as a launch intent
        ObservedState partlyListed = observed(T0, task(api, "arn:1", TaskStatus.PROVISIONING, T0.minusSeconds(5)));
        Expectations recorded = new Expectations(Map.of("arn:2",
                new Expectations.ExpectedLaunch(api.task().specHash(), T0.minusSeconds(3))), List.of(), Map.of());
        PlannerMemory resumed = PlannerMemory.resumed(1, Map.of(api.key(), recorded), JobMemories.NONE,
                SubnetHealthBook.EMPTY);

        Plan plan = planner.plan(desired(api), partlyListed, resumed, T0);

        assertThat(plan.groups().get(api.key()).hold()).isEqualTo(Hold.NONE);
        assertThat(launchedCount(plan)).as("3 desired, 1 listed, 1 in flight").isEqualTo(1);
    }

    @Test
    void aRestartedDaemonWaitsWhenItsNewestListedCopiesJustAppearedThoughTheyAreOlderThanTheTimeout() {
        // Launched 126 s ago, listed only now: a launch the predecessor made after them may be unlisted still.
        ObservedState justCaughtUp = observed(T0, running(api, "arn:1", T0.minusSeconds(96)));

        Plan first = planner.plan(desired(api), justCaughtUp, PlannerMemory.initial(1), T0);

        assertThat(first.launches()).isEmpty();
        assertThat(first.groups().get(api.key()).hold()).isEqualTo(Hold.AFTER_RESTART);
        assertThat(first.requeueAt()).isEqualTo(T0.plus(timeout));
    }

    @Test
    void aRestartedDaemonLaunchesAtOnceForAGroupWhoseCopiesAreAllOld() {
        ObservedState old = observed(T0, running(api, "arn:1", T0.minusSeconds(3600)));

        Plan plan = planner.plan(desired(api), old, PlannerMemory.initial(1), T0);

        assertThat(launchedCount(plan)).isEqualTo(2);
    }

    @Test
    void aDaemonDoesNotHoldBackForCopiesItLaunchedItself() {
        Plan first = planner.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);
        PlannerMemory memory = planner.afterLaunch(first.memory(), first.launches().get(0),
                LaunchResult.started(java.util.List.of("arn:1", "arn:2", "arn:3"), java.util.List.of()), T0);
        ObservedState oneStopped = observed(T0.plusSeconds(30),
                task(api, "arn:1", TaskStatus.RUNNING, T0.plusSeconds(1)),
                task(api, "arn:2", TaskStatus.RUNNING, T0.plusSeconds(1)));

        Plan plan = planner.plan(desired(api), oneStopped, memory, T0.plusSeconds(30));

        assertThat(plan.groups().get(api.key()).hold()).isNotEqualTo(Hold.AFTER_RESTART);
    }
}
