package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.CLUSTER;
import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.desired;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.observed;
import static io.fargatereconciler.plan.Fixtures.running;
import static io.fargatereconciler.plan.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleDownTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);

    @Test
    void stopsExtraCopiesLeastReadyFirstThenNewestFirst() {
        TaskGroup api = group("api", 2);
        ObservedState fiveLive = observed(T0,
                running(api, "arn:old-running", T0.minusSeconds(900)),
                running(api, "arn:new-running", T0.minusSeconds(60)),
                task(api, "arn:pending", TaskStatus.PENDING, T0.minusSeconds(20)),
                task(api, "arn:provisioning-old", TaskStatus.PROVISIONING, T0.minusSeconds(40)),
                task(api, "arn:provisioning-new", TaskStatus.PROVISIONING, T0.minusSeconds(10)));

        Plan plan = planner.plan(desired(api), fiveLive, PlannerMemory.initial(1), T0);

        assertThat(plan.launches()).isEmpty();
        assertThat(plan.stops()).extracting(Stop::taskArn)
                .containsExactly("arn:provisioning-new", "arn:provisioning-old", "arn:pending");
        assertThat(plan.stops()).allSatisfy(stop -> assertThat(stop.reason()).isEqualTo(
                "scale down: 5 copies live, 2 desired"));
    }

    @Test
    void stopsAtMostTheConfiguredNumberOfCopiesPerPassOverAllGroups() {
        TaskGroup api = group("api", 0);
        TaskGroup web = group("web", 0);
        List<ObservedTask> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(running(api, "arn:api-" + i, T0.minusSeconds(100 + i)));
            tasks.add(running(web, "arn:web-" + i, T0.minusSeconds(100 + i)));
        }
        Planner bounded = new Planner(PlannerConfig.DEFAULTS.withMaxStopsPerPass(10));

        Plan plan = bounded.plan(desired(api, web), observed(T0, tasks), PlannerMemory.initial(1), T0);

        assertThat(plan.stops()).hasSize(10);
    }

    @Test
    void doesNotStopAnotherCopyWhileTheStoppedOneIsStillListedAsLive() {
        TaskGroup api = group("api", 1);
        ObservedState twoRunning = observed(T0, running(api, "arn:1", T0.minusSeconds(900)),
                running(api, "arn:2", T0.minusSeconds(60)));
        Plan first = planner.plan(desired(api), twoRunning, PlannerMemory.initial(1), T0);
        Stop stop = first.stops().get(0);
        PlannerMemory memory = planner.afterStop(first.memory(), stop, StopResult.stopped(), T0);

        Plan lagging = planner.plan(desired(api), observed(T0.plusSeconds(5), twoRunning.clusters().get(CLUSTER)
                .tasks()), memory, T0.plusSeconds(5));

        assertThat(stop.taskArn()).isEqualTo("arn:2");
        assertThat(lagging.actions()).isEmpty();
        assertThat(lagging.groups().get(api.key()).copies().stopping()).isEqualTo(1);
    }

    @Test
    void neverStopsATaskStartedBySomeoneElseEvenIfItCarriesOurGroupTag() {
        TaskGroup api = group("api", 0);
        ObservedTask foreign = new ObservedTask("arn:foreign", CLUSTER, api.key(), api.task().specHash(),
                "someone-else", TaskStatus.RUNNING, TaskStatus.RUNNING, T0, T0, null, "subnet-a", null, null, null,
                List.of(), Map.of());
        ObservedTask untagged = new ObservedTask("arn:untagged", CLUSTER, null, null, Fixtures.OWNER,
                TaskStatus.RUNNING, TaskStatus.RUNNING, T0, T0, null, "subnet-a", null, null, null, List.of(),
                Map.of());

        Plan plan = planner.plan(desired(api), observed(T0, foreign, untagged), PlannerMemory.initial(1), T0);

        assertThat(plan.stops()).isEmpty();
    }

    @Test
    void reportsCopiesOfARemovedGroupAsOrphansAndLeavesThemRunning() {
        TaskGroup api = group("api", 1);
        TaskGroup removed = group("removed", 2);
        ObservedState state = observed(T0, running(api, "arn:api", T0.minusSeconds(60)),
                running(removed, "arn:r1", T0.minusSeconds(60)), running(removed, "arn:r2", T0.minusSeconds(60)));

        Plan plan = planner.plan(desired(api), state, PlannerMemory.initial(1), T0);

        assertThat(plan.actions()).isEmpty();
        assertThat(plan.orphans()).containsOnlyKeys(removed.key());
        assertThat(plan.orphans().get(removed.key()).tasks()).hasSize(2);
        assertThat(plan.orphans().get(removed.key()).kept()).contains("never stopped");
    }
}
