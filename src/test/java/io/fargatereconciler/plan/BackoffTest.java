package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.NO_JITTER;
import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.desired;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.launchedCount;
import static io.fargatereconciler.plan.Fixtures.observed;
import static io.fargatereconciler.plan.Fixtures.running;
import static io.fargatereconciler.plan.Fixtures.stopped;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.StopCause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);
    private final TaskGroup api = group("api", 1, "app:1", RolloutPolicy.DEFAULT, NO_JITTER);

    /** The memory after one launch of {@code api} whose copy {@code arn} was accepted at {@code at}. */
    private PlannerMemory launched(PlannerMemory memory, String arn, Instant at) {
        Plan plan = planner.plan(desired(api), observed(at), memory, at);
        return planner.afterLaunch(plan.memory(), plan.launches().get(0), LaunchResult.started(List.of(arn), List.of()), at);
    }

    @Test
    void waitsOutTheBackoffAfterACopyFailedWithAnEniTimeoutThenRelaunches() {
        PlannerMemory memory = launched(PlannerMemory.initial(1), "arn:1", T0);
        ObservedState failed = observed(T0.plusSeconds(90),
                stopped(api, "arn:1", StopCause.ENI_PROVISIONING_TIMEOUT, null, T0.plusSeconds(85)));

        Plan held = planner.plan(desired(api), failed, memory, T0.plusSeconds(90));
        Plan later = planner.plan(desired(api), observed(T0.plusSeconds(100)), held.memory(), T0.plusSeconds(100));

        GroupStatus status = held.groups().get(api.key());
        assertThat(held.launches()).isEmpty();
        assertThat(status.hold()).isEqualTo(Hold.BACKOFF);
        assertThat(status.backoffUntil()).isEqualTo(T0.plusSeconds(100));
        assertThat(held.requeueAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(held.requeueAfter(T0.plusSeconds(90))).contains(Duration.ofSeconds(10));
        assertThat(held.requeueAfter(T0.plusSeconds(200))).contains(Duration.ZERO);
        assertThat(status.condition(Condition.Type.Degraded).reason()).isEqualTo("EniProvisioningFailed");
        assertThat(status.condition(Condition.Type.Degraded).message()).contains("subnet-b", "next launch at");
        assertThat(held.stoppedCopies()).singleElement().satisfies(copy -> {
            assertThat(copy.failure()).isEqualTo(FailureReason.EniProvisioningFailed);
            assertThat(copy.subnetId()).isEqualTo("subnet-b");
        });
        assertThat(launchedCount(later)).isEqualTo(1);
    }

    @Test
    void countsAStoppedCopyOnceThoughItIsDescribedInSeveralPasses() {
        PlannerMemory memory = launched(PlannerMemory.initial(1), "arn:1", T0);
        ObservedState failed = observed(T0.plusSeconds(90),
                stopped(api, "arn:1", StopCause.SUBNET_IP_EXHAUSTED, null, T0.plusSeconds(85)));

        Plan first = planner.plan(desired(api), failed, memory, T0.plusSeconds(90));
        Plan second = planner.plan(desired(api), failed, first.memory(), T0.plusSeconds(95));

        assertThat(second.groups().get(api.key()).failures()).isEqualTo(1);
        assertThat(second.stoppedCopies()).isEmpty();
    }

    @Test
    void doublesTheWaitWithEachFailureUpToTheCapAndNeverGivesUp() {
        List<Duration> waits = new java.util.ArrayList<>();
        for (int failures = 1; failures <= 12; failures++) {
            waits.add(Backoff.delay(NO_JITTER, failures, 0.5));
        }

        assertThat(waits.subList(0, 6)).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(40), Duration.ofSeconds(80), Duration.ofSeconds(160), Duration.ofMinutes(5));
        assertThat(waits.subList(6, 12)).containsOnly(Duration.ofMinutes(5));
        assertThat(Backoff.delay(NO_JITTER, 10_000, 0.5)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void drawsAFullJitterWaitBetweenZeroAndTheCeilingTheSameForTheSameInputs() {
        ResourceKey group = ResourceKey.taskGroup("api");
        for (int failures = 1; failures < 20; failures++) {
            double draw = Backoff.jitter(42, group, failures);
            Duration wait = Backoff.delay(BackoffPolicy.DEFAULT, failures, draw);

            assertThat(draw).isBetween(0.0, 1.0).isEqualTo(Backoff.jitter(42, group, failures));
            assertThat(wait).isLessThanOrEqualTo(Backoff.delay(NO_JITTER, failures, draw));
        }
        assertThat(Backoff.jitter(42, group, 3)).isNotEqualTo(Backoff.jitter(43, group, 3));
        assertThat(Backoff.jitter(42, group, 3)).isNotEqualTo(Backoff.jitter(42, ResourceKey.taskGroup("web"), 3));
    }

    @Test
    void resetsTheFailureCountOnceACopyHasRunSteadilyForResetAfter() {
        TaskGroup two = group("api", 2, "app:1", RolloutPolicy.DEFAULT, NO_JITTER);
        PlannerMemory memory = PlannerMemory.initial(1);
        ObservedState oneFailed = observed(T0, running(two, "arn:steady", T0.minusSeconds(60)),
                stopped(two, "arn:failed", StopCause.ENI_PROVISIONING_TIMEOUT, null, T0));
        Plan failed = planner.plan(desired(two), oneFailed, memory, T0);
        Instant tenMinutesLater = T0.plus(Duration.ofMinutes(10));
        ObservedState bothRunning = observed(tenMinutesLater, running(two, "arn:steady", T0.minusSeconds(60)),
                running(two, "arn:replacement", T0.plusSeconds(60)));

        Plan steady = planner.plan(desired(two), bothRunning, failed.memory(), tenMinutesLater);

        assertThat(failed.groups().get(two.key()).failures()).isEqualTo(1);
        assertThat(steady.groups().get(two.key()).failures()).isZero();
        assertThat(steady.memory().group(two.key()).slowStart()).isEqualTo(SlowStart.OFF);
    }

    @Test
    void aChangedSpecStartsWithoutTheOldSpecsBackoff() {
        PlannerMemory memory = launched(PlannerMemory.initial(1), "arn:1", T0);
        Plan failed = planner.plan(desired(api), observed(T0.plusSeconds(90),
                stopped(api, "arn:1", StopCause.IMAGE_PULL, null, T0.plusSeconds(85))), memory, T0.plusSeconds(90));
        TaskGroup fixed = group("api", 1, "app:2", RolloutPolicy.DEFAULT, NO_JITTER);

        Plan plan = planner.plan(desired(fixed), observed(T0.plusSeconds(91)), failed.memory(), T0.plusSeconds(91));

        assertThat(failed.groups().get(api.key()).inBackoff()).isTrue();
        assertThat(launchedCount(plan)).isEqualTo(1);
        assertThat(plan.groups().get(fixed.key()).failures()).isZero();
    }

    @Test
    void aCopyThatCrashesSoonAfterStartingCountsAsAFailureButOneStoppedByAPersonDoesNot() {
        TaskGroup two = group("api", 2, "app:1", RolloutPolicy.DEFAULT, NO_JITTER);
        ObservedState state = observed(T0,
                stopped(two, "arn:crashed", StopCause.ESSENTIAL_CONTAINER_EXITED, T0.minusSeconds(30), T0),
                stopped(two, "arn:by-hand", StopCause.STOPPED_BY_USER, T0.minusSeconds(30), T0.minusSeconds(5)));

        Plan plan = planner.plan(desired(two), state, PlannerMemory.initial(1), T0);

        assertThat(plan.stoppedCopies()).extracting(StoppedCopy::taskArn, StoppedCopy::failure).containsExactly(
                org.assertj.core.groups.Tuple.tuple("arn:by-hand", null),
                org.assertj.core.groups.Tuple.tuple("arn:crashed", FailureReason.TaskExitedEarly));
        assertThat(plan.groups().get(two.key()).failures()).isEqualTo(1);
    }

    @Test
    void aRunTaskFailuresEntryStartsTheBackoffAndSlowStart() {
        Plan plan = planner.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);
        PlannerMemory memory = planner.afterLaunch(plan.memory(), plan.launches().get(0), LaunchResult.started(
                List.of(), List.of(new LaunchFailure(null, "RESOURCE:ENI", "no ENI", StopCause.SUBNET_IP_EXHAUSTED))),
                T0);

        Plan next = planner.plan(desired(api), observed(T0.plusSeconds(1)), memory, T0.plusSeconds(1));

        assertThat(next.launches()).isEmpty();
        GroupStatus status = next.groups().get(api.key());
        assertThat(status.lastFailure().reason()).isEqualTo(FailureReason.SubnetIpExhausted);
        assertThat(status.lastFailure().message()).isEqualTo("RESOURCE:ENI (no ENI)");
        assertThat(status.backoffUntil()).isEqualTo(T0.plusSeconds(10));
        assertThat(next.memory().group(api.key()).slowStart().limit()).isEqualTo(1);
    }
}
