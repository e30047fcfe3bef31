package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.observed;
import static io.fargatereconciler.plan.Fixtures.running;
import static io.fargatereconciler.plan.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.TaskStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code spec.paused: true}: the planner neither launches nor stops for the group, and its status says Paused. */
class PausedGroupTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);

    @Test
    void launchesNothingForAPausedGroupMissingCopiesAndSaysPaused() {
        TaskGroup api = paused(group("api", 3));

        Plan plan = planner.plan(DesiredState.of(List.of(api), T0), observed(T0,
                running(api, "arn:one", T0.minusSeconds(600))), Fixtures.runningDaemon(), T0);

        assertThat(plan.actions()).isEmpty();
        GroupStatus status = plan.groups().get(api.key());
        assertThat(status.hold()).isEqualTo(Hold.SPEC_PAUSED);
        assertThat(status.condition(Condition.Type.Progressing).status()).isEqualTo(Condition.Status.False);
        assertThat(status.condition(Condition.Type.Progressing).reason()).isEqualTo("Paused");
        assertThat(status.condition(Condition.Type.Progressing).message())
                .startsWith("spec.paused is true: nothing is launched or stopped for the group (1 of 3 copies running");
    }

    @Test
    void neitherScalesDownNorRollsAPausedGroup() {
        TaskGroup api = paused(group("api", 1));

        Plan plan = planner.plan(DesiredState.of(List.of(api), T0), observed(T0,
                running(api, "arn:one", T0.minusSeconds(600)),
                task(api, "arn:two", TaskStatus.RUNNING, "an-older-spec", T0.minusSeconds(900))),
                Fixtures.runningDaemon(), T0);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.groups().get(api.key()).hold()).isEqualTo(Hold.SPEC_PAUSED);
    }

    @Test
    void launchesTheMissingCopiesOnceUnpaused() {
        TaskGroup api = group("api", 3);

        Plan plan = planner.plan(DesiredState.of(List.of(api), T0), observed(T0,
                running(api, "arn:one", T0.minusSeconds(600))), Fixtures.runningDaemon(), T0);

        assertThat(Fixtures.launchedCount(plan)).isEqualTo(2);
    }

    private static TaskGroup paused(TaskGroup group) {
        return new TaskGroup(group.metadata(), group.source(), group.task(), group.replicas(), group.rollout(), true);
    }
}
