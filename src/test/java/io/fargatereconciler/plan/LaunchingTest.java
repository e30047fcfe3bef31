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
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchingTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);

    @Test
    void launchesMissingCopiesInRunTaskCallsOfAtMostTen() {
        TaskGroup api = group("api", 25);
        Planner planner = new Planner(PlannerConfig.DEFAULTS.withLaunchBudget(new LaunchBudget.Limits(10, 20, 100, 100)));

        Plan plan = planner.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);

        assertThat(plan.launches()).extracting(Launch::count).containsExactly(10, 10, 5);
        assertThat(plan.launches()).extracting(Launch::clientToken).doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(token.length()).isLessThanOrEqualTo(64));
        assertThat(plan.launches()).allSatisfy(launch -> {
            assertThat(launch.group()).isEqualTo(api.key());
            assertThat(launch.subnets()).containsExactly("subnet-a", "subnet-b");
            assertThat(launch.reason()).isEqualTo("25 of 25 copies missing");
        });
    }

    @Test
    void launchesOnlyTheCopiesThatAreMissing() {
        TaskGroup api = group("api", 3);
        ObservedState twoLive = observed(T0, running(api, "arn:1", T0.minusSeconds(600)),
                task(api, "arn:2", TaskStatus.PROVISIONING, T0.minusSeconds(5)));

        Plan plan = planner.plan(desired(api), twoLive, Fixtures.runningDaemon(), T0);

        assertThat(launchedCount(plan)).isEqualTo(1);
        assertThat(plan.groups().get(api.key()).copies()).isEqualTo(new CopyCounts(3, 1, 1, 2, 0));
    }

    @Test
    void plansNothingForAGroupWhoseClusterWasNotObserved() {
        TaskGroup api = group("api", 3);

        Plan plan = planner.plan(desired(api), ObservedState.EMPTY, PlannerMemory.initial(1), T0);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.groups().get(api.key()).hold()).isEqualTo(Hold.NOT_OBSERVED);
        assertThat(plan.groups().get(api.key()).condition(Condition.Type.Available).status())
                .isEqualTo(Condition.Status.Unknown);
    }

    @Test
    void countsLaunchedCopiesAsLiveWhileListTasksDoesNotShowThemYet() {
        TaskGroup api = group("api", 3);
        Plan first = planner.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);
        PlannerMemory memory = first.memory();
        for (Launch launch : first.launches()) {
            memory = planner.afterLaunch(memory, launch, LaunchResult.started(List.of("arn:a", "arn:b", "arn:c"),
                    List.of()), T0);
        }

        Plan lagging = planner.plan(desired(api), observed(T0.plusSeconds(5)), memory, T0.plusSeconds(5));

        assertThat(lagging.launches()).isEmpty();
        assertThat(lagging.groups().get(api.key()).copies().pending()).isEqualTo(3);
    }

    @Test
    void launchesAgainWhenAnExpectedCopyWasStillNotListedAfterTheExpectationTimeout() {
        TaskGroup api = group("api", 1);
        Plan first = planner.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);
        PlannerMemory memory = planner.afterLaunch(first.memory(), first.launches().get(0),
                LaunchResult.started(List.of("arn:lost"), List.of()), T0);
        var timeout = PlannerConfig.DEFAULTS.expectationTimeout();

        Plan justBefore = planner.plan(desired(api), observed(T0.plus(timeout).minusSeconds(1)), memory,
                T0.plus(timeout).minusSeconds(1));
        Plan after = planner.plan(desired(api), observed(T0.plus(timeout)), justBefore.memory(), T0.plus(timeout));

        assertThat(justBefore.launches()).isEmpty();
        assertThat(justBefore.requeueAt()).isEqualTo(T0.plus(timeout));
        assertThat(launchedCount(after)).isEqualTo(1);
    }

    @Test
    void keepsExpectationsWhileTheObservationIsOlderThanTheTimeoutEvenIfTheClockMovedOn() {
        TaskGroup api = group("api", 1);
        Plan first = planner.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);
        PlannerMemory memory = planner.afterLaunch(first.memory(), first.launches().get(0),
                LaunchResult.started(List.of("arn:new"), List.of()), T0);

        Plan stale = planner.plan(desired(api), observed(T0), memory, T0.plusSeconds(3600));

        assertThat(stale.launches()).isEmpty();
    }

    @Test
    void expectsTheCopiesOfACallThatEndedInAServerErrorBecauseTheyMayHaveStarted() {
        TaskGroup api = group("api", 2);
        Plan first = planner.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);
        PlannerMemory memory = planner.afterLaunch(first.memory(), first.launches().get(0),
                LaunchResult.serverError("503 Service Unavailable"), T0);

        Plan next = planner.plan(desired(api), observed(T0.plusSeconds(30)), memory, T0.plusSeconds(30));

        assertThat(next.launches()).isEmpty();
        assertThat(next.groups().get(api.key()).copies().pending()).isEqualTo(2);
    }

    @Test
    void givesEachLaunchTheSubnetsTheSteeringChose() {
        TaskGroup api = group("api", 1);
        Planner steered = new Planner(PlannerConfig.DEFAULTS, (key, spec) -> List.of("subnet-b"));

        Plan plan = steered.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);

        assertThat(plan.launches().get(0).subnets()).containsExactly("subnet-b");
    }

    @Test
    void ignoresSteeringThatNamesSubnetsOutsideTheSpec() {
        TaskGroup api = group("api", 1);
        Planner steered = new Planner(PlannerConfig.DEFAULTS, (key, spec) -> List.of("subnet-elsewhere"));

        Plan plan = steered.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);

        assertThat(plan.launches().get(0).subnets()).containsExactly("subnet-a", "subnet-b");
    }
}
