package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.desired;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.launchedCount;
import static io.fargatereconciler.plan.Fixtures.observed;
import static io.fargatereconciler.plan.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollingUpdateTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);
    private final TaskGroup v1 = group("api", 3, "app:1", RolloutPolicy.DEFAULT, BackoffPolicy.DEFAULT);
    private final TaskGroup v2 = group("api", 3, "app:2", RolloutPolicy.DEFAULT, BackoffPolicy.DEFAULT);

    private List<ObservedTask> oldRunning(int n) {
        List<ObservedTask> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task(v1, "arn:old-" + i, TaskStatus.RUNNING, T0.minusSeconds(3600 + i)));
        }
        return tasks;
    }

    @Test
    void launchesOneNewCopyAboveDesiredAndKeepsEveryOldOneWhileItIsNotRunning() {
        Plan plan = planner.plan(desired(v2), observed(T0, oldRunning(3)), PlannerMemory.initial(1), T0);

        assertThat(launchedCount(plan)).isEqualTo(1);
        assertThat(plan.launches().get(0).reason()).isEqualTo(
                "rolling update to spec " + v2.task().specHash() + ": 0 of 3 copies up to date");
        assertThat(plan.stops()).isEmpty();
        assertThat(plan.groups().get(v2.key()).condition(Condition.Type.Progressing).reason())
                .isEqualTo("RollingUpdate");
    }

    @Test
    void waitsWhileTheNewCopyIsStillProvisioning() {
        List<ObservedTask> tasks = oldRunning(3);
        tasks.add(task(v2, "arn:new-0", TaskStatus.PROVISIONING, T0));

        Plan plan = planner.plan(desired(v2), observed(T0, tasks), PlannerMemory.initial(1), T0);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.groups().get(v2.key()).hold()).isEqualTo(Hold.SURGE_LIMIT);
    }

    @Test
    void stopsOneOldCopyOnceTheNewOneIsRunning() {
        List<ObservedTask> tasks = oldRunning(3);
        tasks.add(task(v2, "arn:new-0", TaskStatus.RUNNING, T0.minusSeconds(60)));

        Plan plan = planner.plan(desired(v2), observed(T0, tasks), PlannerMemory.initial(1), T0);

        assertThat(plan.launches()).isEmpty();
        assertThat(plan.stops()).extracting(Stop::taskArn).containsExactly("arn:old-0");
        assertThat(plan.stops().get(0).reason()).startsWith("rolling update: spec " + v1.task().specHash());
    }

    @Test
    void stopsOutdatedCopiesThatAreNotRunningYetRightAway() {
        List<ObservedTask> tasks = oldRunning(3);
        tasks.add(task(v1, "arn:old-provisioning", TaskStatus.PROVISIONING, T0));

        Plan plan = planner.plan(desired(v2), observed(T0, tasks), PlannerMemory.initial(1), T0);

        assertThat(plan.stops()).extracting(Stop::taskArn).containsExactly("arn:old-provisioning");
        assertThat(plan.launches()).isEmpty();
    }

    @Test
    void withMaxUnavailableOneAndNoSurgeStopsAnOldCopyBeforeLaunching() {
        RolloutPolicy noSurge = new RolloutPolicy(0, 1);
        TaskGroup next = group("api", 3, "app:2", noSurge, BackoffPolicy.DEFAULT);

        Plan plan = planner.plan(desired(next), observed(T0, oldRunning(3)), PlannerMemory.initial(1), T0);

        assertThat(plan.launches()).isEmpty();
        assertThat(plan.stops()).hasSize(1);
        assertThat(plan.groups().get(next.key()).condition(Condition.Type.Available).status())
                .isEqualTo(Condition.Status.True);
    }

    @Test
    void finishesTheRollWhenAllNewCopiesRun() {
        List<ObservedTask> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(task(v2, "arn:new-" + i, TaskStatus.RUNNING, T0.minusSeconds(60)));
        }
        tasks.add(task(v1, "arn:old-last", TaskStatus.RUNNING, T0.minusSeconds(3600)));

        Plan plan = planner.plan(desired(v2), observed(T0, tasks), PlannerMemory.initial(1), T0);

        assertThat(plan.stops()).extracting(Stop::taskArn).containsExactly("arn:old-last");
        assertThat(plan.launches()).isEmpty();
    }
}
