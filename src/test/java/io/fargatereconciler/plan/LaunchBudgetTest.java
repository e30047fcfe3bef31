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
}
