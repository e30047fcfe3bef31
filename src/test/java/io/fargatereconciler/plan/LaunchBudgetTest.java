package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.desired;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.launchedCount;
import static io.fargatereconciler.plan.Fixtures.observed;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.TaskGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchBudgetTest {
    private static final LaunchBudget.Limits SMALL = new LaunchBudget.Limits(1, 2, 5, 10);
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS.withLaunchBudget(SMALL));

    @Test
    void refillsAtItsRateUpToItsBurst() {
        LaunchBudget full = LaunchBudget.FRESH.refill(SMALL, T0);
        LaunchBudget spent = full.spend(2, 10);

        assertThat(full.callTokens()).isEqualTo(2);
        assertThat(full.taskTokens()).isEqualTo(10);
        assertThat(spent.refill(SMALL, T0.plusMillis(1500)).callTokens()).isEqualTo(1.5);
        assertThat(spent.refill(SMALL, T0.plusSeconds(60)).taskTokens()).isEqualTo(10);
        assertThat(spent.nextCallAt(SMALL)).isEqualTo(T0.plusSeconds(1));
        assertThat(spent.refill(SMALL, T0.minusSeconds(5)).callTokens()).as("clock went back").isZero();
    }

    @Test
    void sharesAScarceBudgetRoundRobinAcrossGroups() {
        TaskGroup api = group("api", 8);
        TaskGroup web = group("web", 3);

        Plan plan = planner.plan(desired(api, web), observed(T0), PlannerMemory.initial(1), T0);

        assertThat(plan.launches()).extracting(l -> l.group().name(), Launch::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api", 8),
                        org.assertj.core.groups.Tuple.tuple("web", 2));
        assertThat(plan.groups().get(web.key()).hold()).isEqualTo(Hold.BUDGET);
        assertThat(plan.groups().get(api.key()).hold()).isEqualTo(Hold.NONE);
        assertThat(plan.requeueAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void servesTheGroupThatWaitedLongestFirst() {
        TaskGroup api = group("api", 8);
        TaskGroup web = group("web", 3);
        Plan first = planner.plan(desired(api, web), observed(T0), PlannerMemory.initial(1), T0);
        PlannerMemory memory = first.memory();
        for (Launch launch : first.launches()) {
            memory = planner.afterLaunch(memory, launch, LaunchResult.throttled("Rate exceeded"), T0);
        }
        memory = memory.withPause(ThrottlePause.NONE);
        memory = planner.afterLaunch(memory, first.launches().get(0),
                LaunchResult.started(List.of("arn:a1"), List.of()), T0);

        Plan second = planner.plan(desired(api, web), observed(T0.plusSeconds(10)), memory, T0.plusSeconds(10));

        assertThat(second.launches().get(0).group()).isEqualTo(web.key());
    }

    @Test
    void chargesEveryCarriedOutCallAndItsTasks() {
        TaskGroup api = group("api", 4);
        Plan plan = planner.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);

        PlannerMemory after = planner.afterLaunch(plan.memory(), plan.launches().get(0),
                LaunchResult.started(List.of("a", "b", "c", "d"), List.of()), T0);

        assertThat(launchedCount(plan)).isEqualTo(4);
        assertThat(after.budget().callTokens()).isEqualTo(1);
        assertThat(after.budget().taskTokens()).isEqualTo(6);
    }

    @Test
    void startsAtTheAccountsPublishedRatesMinusTheReserveForOtherRunTaskUsers() {
        LaunchBudget.Limits limits = LaunchBudget.Limits.DEFAULT;

        assertThat(limits.tasksPerSecond()).as("20 tasks/s published, 25 % kept for others").isEqualTo(15);
        assertThat(limits.taskBurst()).isEqualTo(75);
        assertThat(limits.callsPerSecond()).isEqualTo(15);
        assertThat(LaunchBudget.FRESH.refill(limits, T0).tasksPerSecond(limits)).isEqualTo(15);
    }

    @Test
    void halvesOncePerThrottlingEpisodeAndGrowsBackSlowlyToTheLimitsOnly() {
        LaunchBudget.Limits limits = LaunchBudget.Limits.DEFAULT;
        LaunchBudget full = LaunchBudget.FRESH.refill(limits, T0);

        LaunchBudget throttled = full.afterThrottle(limits, T0);
        LaunchBudget sameEpisode = throttled.afterThrottle(limits, T0.plusSeconds(2));
        LaunchBudget again = sameEpisode.afterThrottle(limits, T0.plusSeconds(6));

        assertThat(throttled.tasksPerSecond(limits)).isEqualTo(7.5);
        assertThat(throttled.taskTokens()).as("the burst shrinks with the rate").isLessThanOrEqualTo(37);
        assertThat(sameEpisode.tasksPerSecond(limits)).isEqualTo(7.5);
        assertThat(again.tasksPerSecond(limits)).isEqualTo(3.75);
        assertThat(again.refill(limits, T0.plusSeconds(66)).tasksPerSecond(limits)).as("+3 tasks/s per minute")
                .isCloseTo(6.75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(again.refill(limits, T0.plus(java.time.Duration.ofMinutes(30))).tasksPerSecond(limits))
                .isEqualTo(15);
    }

    @Test
    void neverGoesBelowOneTaskPerSecond() {
        LaunchBudget.Limits limits = LaunchBudget.Limits.DEFAULT;
        LaunchBudget budget = LaunchBudget.FRESH.refill(limits, T0);
        for (int i = 0; i < 10; i++) {
            budget = budget.afterThrottle(limits, T0.plusSeconds(10L * i));
        }

        assertThat(budget.tasksPerSecond(limits)).isEqualTo(1.0);
    }

    @Test
    void aThrottledRunTaskHalvesTheBudgetOfTheNextPass() {
        Planner defaults = new Planner(PlannerConfig.DEFAULTS);
        TaskGroup api = group("api", 4);
        Plan plan = defaults.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);

        PlannerMemory after = defaults.afterLaunch(plan.memory(), plan.launches().get(0),
                LaunchResult.throttled("Rate exceeded"), T0);

        assertThat(after.budget().tasksPerSecond(PlannerConfig.DEFAULTS.launchBudget())).isEqualTo(7.5);
    }
}
