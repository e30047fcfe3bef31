package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.observed;
import static io.fargatereconciler.plan.Fixtures.running;
import static io.fargatereconciler.plan.Fixtures.runningDaemon;
import static io.fargatereconciler.plan.Fixtures.stopped;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.plan.subnet.SubnetFailureKind;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import io.fargatereconciler.plan.subnet.SubnetHealthSettings;
import io.fargatereconciler.plan.subnet.TestEniOutcome;
import org.junit.jupiter.api.Test;

/** The planner with subnet-health steering: where launches go, and what the Degraded condition says. */
class SubnetSteeringInPlannerTest {
    private final Planner planner = Planner.steeredByHealth(PlannerConfig.DEFAULTS, SubnetHealthSettings.DEFAULTS);
    private final TaskGroup api = group("api", 3);
    private final DesiredState desired = Fixtures.desired(api);

    @Test
    void launchesAvoidASubnetWithAFailureStreakAndTheConditionSaysWhatTheTestEniFound() {
        SubnetHealthBook book = failures(3).withTestEni("subnet-b",
                new TestEniOutcome(T0.minusSeconds(30), TestEniOutcome.Result.CREATED, "eni-1"));

        Plan plan = planner.plan(desired, observed(T0, running(api, "t1", T0.minusSeconds(600))),
                runningDaemon().withSubnets(book), T0);

        assertThat(plan.launches()).isNotEmpty().allSatisfy(l -> assertThat(l.subnets()).containsExactly("subnet-a"));
        Condition degraded = plan.groups().get(api.key()).condition(Condition.Type.Degraded);
        assertThat(degraded.status()).isEqualTo(Condition.Status.True);
        assertThat(degraded.reason()).as("copies missing, an ENI failure streak").isEqualTo("EniProvisioningFailed");
        assertThat(degraded.message()).contains("1 of 3 copies running", "launches go to subnet-a and avoid subnet "
                + "subnet-b", "3 ENI provisioning failures", "a test ENI was created and deleted fine",
                "the failures are on the Fargate side", "runbook-eni.md");
    }

    @Test
    void withEveryCopyRunningASubnetWithAStreakStillDegradesTheGroup() {
        Plan plan = planner.plan(desired, observed(T0, running(api, "t1", T0.minusSeconds(600)),
                running(api, "t2", T0.minusSeconds(600)), running(api, "t3", T0.minusSeconds(600))),
                runningDaemon().withSubnets(failures(2)), T0);

        Condition degraded = plan.groups().get(api.key()).condition(Condition.Type.Degraded);
        assertThat(degraded.reason()).isEqualTo("SubnetUnhealthy");
        assertThat(degraded.message()).startsWith("3 of 3 copies running; launches go to subnet-a and avoid");
    }

    @Test
    void aSingleFailureSteersButDoesNotDegradeAGroupThatRunsWhole() {
        Plan plan = planner.plan(desired, observed(T0, running(api, "t1", T0.minusSeconds(600)),
                running(api, "t2", T0.minusSeconds(600)), running(api, "t3", T0.minusSeconds(600))),
                runningDaemon().withSubnets(failures(1)), T0);

        GroupStatus status = plan.groups().get(api.key());
        assertThat(status.subnets().subnets()).containsExactly("subnet-a");
        assertThat(status.condition(Condition.Type.Degraded).status()).isEqualTo(Condition.Status.False);
    }

    @Test
    void aCopyThatFailedInASubnetSteeringNowAvoidsIsReplacedAtOnceInTheHealthyOne() {
        Plan plan = planner.plan(desired, copyFailedInSubnetB(), runningDaemon().withSubnets(failures(1)), T0);

        GroupStatus status = plan.groups().get(api.key());
        assertThat(status.hold()).as("no backoff: the next launch does not go where the copy failed")
                .isEqualTo(Hold.NONE);
        assertThat(plan.launches()).singleElement().satisfies(launch -> {
            assertThat(launch.count()).isEqualTo(1);
            assertThat(launch.subnets()).containsExactly("subnet-a");
        });
        assertThat(status.lastFailure().subnetId()).isEqualTo("subnet-b");
    }

    @Test
    void whenEverySubnetIsFailingACopyThatFailedWaitsOutTheBackoff() {
        SubnetHealthBook bothFailing = failures(1).afterFailure("subnet-a", SubnetFailureKind.ENI_PROVISIONING,
                "Timeout waiting for network interface provisioning to complete.", T0.minusSeconds(60),
                T0.minusSeconds(60));

        Plan plan = planner.plan(desired, copyFailedInSubnetB(), runningDaemon().withSubnets(bothFailing), T0);

        assertThat(plan.groups().get(api.key()).subnets().allBad()).isTrue();
        assertThat(plan.launches()).isEmpty();
        assertThat(plan.groups().get(api.key()).hold()).isEqualTo(Hold.BACKOFF);
    }

    @Test
    void withoutSteeringACopyThatFailedWaitsOutTheBackoff() {
        Plan plan = new Planner(PlannerConfig.DEFAULTS).plan(desired, copyFailedInSubnetB(), runningDaemon(), T0);

        assertThat(plan.launches()).isEmpty();
        assertThat(plan.groups().get(api.key()).hold()).isEqualTo(Hold.BACKOFF);
    }

    @Test
    void aSingleReplacementGoesToAProvenSubnetAndOnlyHalfOfALargerLaunchProbesAnUnknownOne() {
        TaskGroup web = group("web", 5);
        ObservedState oneRunningInA = observed(T0, running(web, "w1", T0.minusSeconds(60)));
        PlannerMemory proven = runningDaemon(); // subnet-a has a recent start (w1), subnet-b none: probing

        Plan one = planner.plan(Fixtures.desired(group("web", 2)), oneRunningInA, proven, T0);
        Plan four = planner.plan(Fixtures.desired(web), oneRunningInA, proven, T0);

        assertThat(one.launches()).singleElement().satisfies(l -> assertThat(l.subnets()).containsExactly("subnet-a"));
        assertThat(four.launches()).extracting(Launch::subnets, Launch::count).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(java.util.List.of("subnet-b"), 2),
                org.assertj.core.groups.Tuple.tuple(java.util.List.of("subnet-a"), 2));
        assertThat(four.launches().stream().filter(l -> l.subnets().equals(java.util.List.of("subnet-b"))))
                .allSatisfy(l -> assertThat(l.reason()).contains("probe of subnet-b"));
    }

    /** Two copies running in subnet-a, the third just stopped with an ENI timeout in subnet-b. */
    private ObservedState copyFailedInSubnetB() {
        return observed(T0, running(api, "t1", T0.minusSeconds(600)), running(api, "t2", T0.minusSeconds(600)),
                stopped(api, "t3", StopCause.ENI_PROVISIONING_TIMEOUT, null, T0.minusSeconds(60)));
    }

    private static SubnetHealthBook failures(int count) {
        SubnetHealthBook book = SubnetHealthBook.EMPTY;
        for (int i = 0; i < count; i++) {
            book = book.afterFailure("subnet-b", SubnetFailureKind.ENI_PROVISIONING,
                    "Timeout waiting for network interface provisioning to complete.", T0.minusSeconds(60),
                    T0.minusSeconds(60));
        }
        return book;
    }
}
