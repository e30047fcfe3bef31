package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.desired;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.launchedCount;
import static io.fargatereconciler.plan.Fixtures.observed;
import static io.fargatereconciler.plan.Fixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.TaskGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottlingTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);
    private final TaskGroup api = group("api", 2);
    private final TaskGroup web = group("web", 0);

    @Test
    void aThrottledLaunchPausesEveryGroupWithoutCountingAsTheGroupsFailure() {
        Plan plan = planner.plan(desired(api, web), observed(T0, running(web, "arn:web", T0)),
                PlannerMemory.initial(1), T0);
        PlannerMemory memory = planner.afterLaunch(plan.memory(), plan.launches().get(0),
                LaunchResult.throttled("Rate exceeded"), T0);

        Plan paused = planner.plan(desired(api, web), observed(T0.plusSeconds(1), running(web, "arn:web", T0)),
                memory, T0.plusSeconds(1));
        Plan resumed = planner.plan(desired(api, web), observed(T0.plusSeconds(2), running(web, "arn:web", T0)),
                paused.memory(), T0.plusSeconds(2));

        assertThat(paused.actions()).as("neither api's launch nor web's stop while paused").isEmpty();
        assertThat(paused.groups().get(api.key()).hold()).isEqualTo(Hold.PAUSED);
        assertThat(paused.groups().get(api.key()).failures()).isZero();
        assertThat(paused.requeueAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(launchedCount(resumed)).isEqualTo(2);
        assertThat(resumed.stops()).hasSize(1);
    }

    @Test
    void consecutiveThrottlesDoubleThePauseUpToItsMaximum() {
        ThrottlePause pause = ThrottlePause.NONE;
        var initial = PlannerConfig.DEFAULTS.throttlePauseInitial();
        var max = PlannerConfig.DEFAULTS.throttlePauseMax();
        List<Long> pauses = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pause = pause.afterThrottle(T0, initial, max);
            pauses.add(java.time.Duration.between(T0, pause.until()).toSeconds());
        }

        assertThat(pauses).containsExactly(2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(pause.afterAccepted().consecutive()).isZero();
    }

    @Test
    void aThrottledCallDoesNotUseUpTheClientToken() {
        Plan plan = planner.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);
        PlannerMemory memory = planner.afterLaunch(plan.memory(), plan.launches().get(0),
                LaunchResult.throttled("Rate exceeded"), T0);

        Plan retry = planner.plan(desired(api), observed(T0.plusSeconds(5)), memory, T0.plusSeconds(5));

        assertThat(retry.launches().get(0).clientToken()).isEqualTo(plan.launches().get(0).clientToken());
    }
}
