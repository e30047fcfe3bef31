package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.NO_JITTER;
import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.desired;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.observed;
import static io.fargatereconciler.plan.Fixtures.running;
import static io.fargatereconciler.plan.Fixtures.stopped;
import static io.fargatereconciler.plan.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.TaskStatus;
import org.junit.jupiter.api.Test;

class GroupStatusTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);
    private final TaskGroup api = group("api", 2, "app:1", RolloutPolicy.DEFAULT, NO_JITTER);

    private GroupStatus statusOf(Plan plan) {
        return plan.groups().get(api.key());
    }

    @Test
    void aGroupWithAllCopiesRunningIsAvailableSettledAndNotDegraded() {
        Plan plan = planner.plan(desired(api), observed(T0, running(api, "arn:1", T0.minusSeconds(900)),
                running(api, "arn:2", T0.minusSeconds(900))), Fixtures.runningDaemon(), T0);

        GroupStatus status = statusOf(plan);
        assertThat(status.copies()).isEqualTo(new CopyCounts(2, 2, 0, 2, 0));
        assertThat(status.conditions()).extracting(Condition::type, Condition::status, Condition::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Condition.Type.Available, Condition.Status.True,
                                "MinimumCopiesRunning"),
                        org.assertj.core.groups.Tuple.tuple(Condition.Type.Progressing, Condition.Status.False,
                                "Settled"),
                        org.assertj.core.groups.Tuple.tuple(Condition.Type.Degraded, Condition.Status.False,
                                "NoRecentFailures"));
        assertThat(plan.requeueAt()).isNull();
    }

    @Test
    void aGroupMissingACopyIsNotAvailableAndScalesUp() {
        Plan plan = planner.plan(desired(api), observed(T0, running(api, "arn:1", T0.minusSeconds(900))),
                Fixtures.runningDaemon(), T0);

        assertThat(statusOf(plan).condition(Condition.Type.Available).message())
                .isEqualTo("1 of 2 copies running, at least 2 needed");
        assertThat(statusOf(plan).condition(Condition.Type.Progressing).reason()).isEqualTo("ScalingUp");
    }

    @Test
    void aGroupWhoseFailedCopyWasReplacedIsNoLongerDegradedThoughItsFailuresAreStillCounted() {
        Plan plan = planner.plan(desired(api), observed(T0, running(api, "arn:1", T0.minusSeconds(900)),
                running(api, "arn:2", T0.minusSeconds(60)),
                stopped(api, "arn:0", StopCause.SUBNET_IP_EXHAUSTED, null, T0.minusSeconds(120))),
                Fixtures.runningDaemon(), T0);

        assertThat(statusOf(plan).failures()).isEqualTo(1);
        assertThat(statusOf(plan).condition(Condition.Type.Degraded).reason()).isEqualTo("AllCopiesRunning");
    }

    @Test
    void aDegradedGroupNamesTheCauseTheSubnetAndTheNextTry() {
        Plan plan = planner.plan(desired(api), observed(T0, running(api, "arn:1", T0.minusSeconds(900)),
                stopped(api, "arn:0", StopCause.SUBNET_IP_EXHAUSTED, null, T0.minusSeconds(2))),
                Fixtures.runningDaemon(), T0);

        Condition degraded = statusOf(plan).condition(Condition.Type.Degraded);
        assertThat(degraded.status()).isEqualTo(Condition.Status.True);
        assertThat(degraded.reason()).isEqualTo("SubnetIpExhausted");
        assertThat(degraded.message()).isEqualTo("1 of 2 copies not running after 1 failed starts; last at "
                + T0.minusSeconds(2) + ": SUBNET_IP_EXHAUSTED reason text (subnet subnet-b); next launch at "
                + T0.plusSeconds(10));
        assertThat(statusOf(plan).inBackoff()).isTrue();
    }

    @Test
    void aGroupWaitingForAPendingCopyIsProgressing() {
        Plan plan = planner.plan(desired(api), observed(T0, running(api, "arn:1", T0.minusSeconds(900)),
                task(api, "arn:2", TaskStatus.PENDING, T0.minusSeconds(900))), Fixtures.runningDaemon(), T0);

        assertThat(statusOf(plan).condition(Condition.Type.Progressing).reason()).isEqualTo("WaitingForCopies");
        assertThat(plan.actions()).isEmpty();
    }
}
