package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.desired;
import static io.fargatereconciler.plan.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.StopCause;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Many passes against {@link FakeWorld}: the planner's policies working together over time. */
class PlannerScenarioTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);

    private static FakeWorld world(Duration lag, FakeWorld.Faults faults) {
        return FakeWorld.empty(new FakeWorld.Settings(lag, Duration.ofSeconds(20), Duration.ofSeconds(90), faults));
    }

    private static Consumer<PassRunner> neverAbove(TaskGroup group, int max) {
        return run -> assertThat(run.live(group.key())).as("live copies at %s", run.now).isLessThanOrEqualTo(max);
    }

    @Test
    void goesFromEmptyToFiftyCopiesWithALaggingListTasksAndStartsExactlyFifty() {
        TaskGroup api = group("api", 50);
        PassRunner run = new PassRunner(planner, desired(api), world(Duration.ofSeconds(25), FakeWorld.Faults.NONE),
                T0, Duration.ofSeconds(5), neverAbove(api, 50));

        run.runFor(Duration.ofMinutes(2));

        assertThat(run.running(api.key())).isEqualTo(50);
        assertThat(run.world.nextId()).as("copies ever started").isEqualTo(50);
        assertThat(run.lastPlan.groups().get(api.key()).condition(Condition.Type.Progressing).reason())
                .isEqualTo("Settled");
    }

    @Test
    void aDaemonRestartedWhileListTasksLagsStartsNoSecondCopy() {
        TaskGroup api = group("api", 12);
        PassRunner run = new PassRunner(planner, desired(api), world(Duration.ofSeconds(40), FakeWorld.Faults.NONE),
                T0, Duration.ofSeconds(5), neverAbove(api, 12));

        run.pass();
        for (int i = 0; i < 6; i++) {
            run.restart();
            run.pass();
        }
        run.runFor(Duration.ofMinutes(2));

        assertThat(run.world.nextId()).isEqualTo(12);
        assertThat(run.running(api.key())).isEqualTo(12);
    }

    @Test
    void survivesATwentyMinuteEniOutageWithFewRunTaskCallsAndRecoversByItself() {
        TaskGroup api = group("api", 10);
        Instant outageEnds = T0.plus(Duration.ofMinutes(20));
        FakeWorld.Faults outage = new FakeWorld.Faults() {
            @Override
            public boolean failsAt(Instant now, int copyId) {
                return now.isBefore(outageEnds);
            }
        };
        PassRunner run = new PassRunner(planner, desired(api), world(Duration.ofSeconds(5), outage), T0,
                Duration.ofSeconds(5), neverAbove(api, 10));

        run.runFor(Duration.ofMinutes(20));
        int callsDuringOutage = run.world.runTaskCalls();
        GroupStatus during = run.lastPlan.groups().get(api.key());
        run.runFor(Duration.ofMinutes(15));

        assertThat(callsDuringOutage).as("RunTask calls in 20 minutes of failures").isBetween(5, 15);
        assertThat(during.condition(Condition.Type.Degraded).status()).isEqualTo(Condition.Status.True);
        assertThat(during.condition(Condition.Type.Degraded).reason()).isEqualTo("EniProvisioningFailed");
        assertThat(run.running(api.key())).isEqualTo(10);
        assertThat(run.lastPlan.groups().get(api.key()).condition(Condition.Type.Degraded).status())
                .isEqualTo(Condition.Status.False);
    }

    @Test
    void replacesACopyStoppedByAPersonInTheNextPass() {
        TaskGroup api = group("api", 3);
        PassRunner run = new PassRunner(planner, desired(api), world(Duration.ZERO, FakeWorld.Faults.NONE), T0,
                Duration.ofSeconds(5), neverAbove(api, 3));
        run.runFor(Duration.ofMinutes(1));

        run.world = run.world.stopped("arn:task/000001", run.now, StopCause.STOPPED_BY_USER);
        run.pass();

        assertThat(run.lastPlan.launches()).hasSize(1);
        assertThat(run.lastPlan.groups().get(api.key()).failures()).isZero();
    }

    @Test
    void rollsASpecChangeWithoutRunningCapacityEverDroppingBelowDesired() {
        TaskGroup v1 = group("api", 6, "app:1", RolloutPolicy.DEFAULT, BackoffPolicy.DEFAULT);
        TaskGroup v2 = group("api", 6, "app:2", RolloutPolicy.DEFAULT, BackoffPolicy.DEFAULT);
        boolean[] rolling = {false};
        PassRunner run = new PassRunner(planner, desired(v1), world(Duration.ofSeconds(10), FakeWorld.Faults.NONE),
                T0, Duration.ofSeconds(5), r -> {
                    assertThat(r.live(v1.key())).isLessThanOrEqualTo(7);
                    if (rolling[0]) {
                        assertThat(r.running(v1.key())).as("running at %s", r.now).isGreaterThanOrEqualTo(6);
                    }
                });
        run.runFor(Duration.ofMinutes(1));

        rolling[0] = true;
        run.desired = desired(v2);
        run.runFor(Duration.ofMinutes(10));

        assertThat(run.world.runningOfSpec(v2.key(), v2.task().specHash(), run.now)).isEqualTo(6);
        assertThat(run.live(v2.key())).isEqualTo(6);
    }

    @Test
    void aThrottlingStormLosesNoLaunchAndDoublesNone() {
        TaskGroup api = group("api", 30);
        FakeWorld.Faults storm = new FakeWorld.Faults() {
            @Override
            public boolean throttles(Instant now, int callNumber) {
                return callNumber % 3 != 0;
            }
        };
        PassRunner run = new PassRunner(planner, desired(api), world(Duration.ofSeconds(20), storm), T0,
                Duration.ofSeconds(5), neverAbove(api, 30));

        run.runFor(Duration.ofMinutes(5));

        assertThat(run.running(api.key())).isEqualTo(30);
        assertThat(run.world.nextId()).isEqualTo(30);
        assertThat(run.lastPlan.groups().get(api.key()).failures()).isZero();
    }
}
