package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.NO_JITTER;
import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.desired;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.launchedCount;
import static io.fargatereconciler.plan.Fixtures.observed;
import static io.fargatereconciler.plan.Fixtures.running;
import static io.fargatereconciler.plan.Fixtures.stopped;
import static io.fargatereconciler.plan.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlowStartTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);
    private final TaskGroup api = group("api", 20, "app:1", RolloutPolicy.DEFAULT, NO_JITTER);

    @Test
    void afterAMassFailureLaunchesOneCopyThenDoublesAsEachBatchRuns() {
        List<ObservedTask> failedAll = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            failedAll.add(stopped(api, "arn:failed-" + i, StopCause.ENI_PROVISIONING_TIMEOUT, null, T0));
        }
        Plan failed = planner.plan(desired(api), observed(T0, failedAll), Fixtures.runningDaemon(), T0);
        Instant afterBackoff = T0.plusSeconds(11);

        List<Integer> batches = new ArrayList<>();
        List<ObservedTask> runningCopies = new ArrayList<>();
        PlannerMemory memory = failed.memory();
        Instant now = afterBackoff;
        for (int pass = 0; pass < 5; pass++) {
            Plan plan = planner.plan(desired(api), observed(now, runningCopies), memory, now);
            memory = plan.memory();
            int batch = launchedCount(plan);
            batches.add(batch);
            List<String> arns = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                arns.add("arn:pass" + pass + "-" + i);
            }
            for (Launch launch : plan.launches()) {
                List<String> mine = arns.subList(0, launch.count());
                memory = planner.afterLaunch(memory, launch, LaunchResult.started(List.copyOf(mine), List.of()), now);
                mine.clear();
            }
            now = now.plusSeconds(30);
            for (int i = 0; i < batch; i++) {
                runningCopies.add(running(api, "arn:pass" + pass + "-" + i, now.minusSeconds(1)));
            }
        }

        assertThat(batches).containsExactly(1, 2, 4, 8, 5);
        assertThat(failed.groups().get(api.key()).hold()).isEqualTo(Hold.BACKOFF);
    }

    @Test
    void waitsForThePendingBatchBeforeLaunchingMore() {
        Plan failed = planner.plan(desired(api), observed(T0,
                stopped(api, "arn:failed", StopCause.ENI_PROVISIONING_TIMEOUT, null, T0)), PlannerMemory.initial(1), T0);
        Instant later = T0.plusSeconds(60);

        Plan plan = planner.plan(desired(api), observed(later, task(api, "arn:pending", TaskStatus.PENDING, later)),
                failed.memory(), later);

        assertThat(plan.launches()).isEmpty();
        assertThat(plan.groups().get(api.key()).hold()).isEqualTo(Hold.SLOW_START);
    }

    @Test
    void aHealthyGroupLaunchesEverythingItMissesAtOnce() {
        Plan plan = planner.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);

        assertThat(launchedCount(plan)).isEqualTo(20);
    }
}
