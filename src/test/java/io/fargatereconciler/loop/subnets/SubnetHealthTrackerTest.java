package io.fargatereconciler.loop.subnets;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.TaskStatus;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchFailure;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.subnet.SubnetFailureKind;
import io.fargatereconciler.plan.subnet.SubnetHealthSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the tracker learns from observations and RunTask answers. */
class SubnetHealthTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String ENI_TIMEOUT = "ResourceInitializationError: Timeout waiting for network interface "
            + "provisioning to complete.";
    private static final ResourceKey API = ResourceKey.taskGroup("api");

    private final SubnetHealthTracker tracker = new SubnetHealthTracker(SubnetHealthSettings.DEFAULTS);

    @Test
    void countsAnEniFailureOnceFromTheMomentEcsGivesTheReasonUntilTheTaskIsGone() {
        tracker.observed(state(task("t1", TaskStatus.DEPROVISIONING, TaskStatus.STOPPED, null, null)), T0);
        tracker.observed(state(task("t1", TaskStatus.STOPPED, TaskStatus.STOPPED, StopCause.ENI_PROVISIONING_TIMEOUT,
                null)), T0.plusSeconds(30));

        assertThat(tracker.book().health("subnet-b").recentFailures()).isEqualTo(1);
        assertThat(tracker.book().health("subnet-b").lastFailure()).isEqualTo(SubnetFailureKind.ENI_PROVISIONING);
    }

    @Test
    void aCopyRunningSinceTheFailureClearsTheSubnet() {
        tracker.observed(state(task("t1", TaskStatus.STOPPED, TaskStatus.STOPPED, StopCause.ENI_PROVISIONING_TIMEOUT,
                null)), T0);
        tracker.observed(state(task("t2", TaskStatus.RUNNING, TaskStatus.RUNNING, null, T0.plusSeconds(60))),
                T0.plusSeconds(90));

        assertThat(tracker.book().standing("subnet-b", T0.plusSeconds(90)).score()).isZero();
    }

    @Test
    void aRunTaskFailureCountsAgainstTheSubnetItNamesOrTheLaunchsOnlySubnet() {
        LaunchResult named = LaunchResult.started(List.of(), List.of(new LaunchFailure(null,
                "Unexpected EC2 error while attempting to Create Network Interface in subnet 'subnet-0c3d4e': "
                        + "InsufficientFreeAddressesInSubnet", null, StopCause.SUBNET_IP_EXHAUSTED)));
        tracker.launched(launch(List.of("subnet-a", "subnet-0c3d4e")), named, T0);
        LaunchResult unnamed = LaunchResult.started(List.of(), List.of(new LaunchFailure(null, ENI_TIMEOUT, null,
                StopCause.ENI_PROVISIONING_TIMEOUT)));
        tracker.launched(launch(List.of("subnet-a")), unnamed, T0);
        tracker.launched(launch(List.of("subnet-a", "subnet-b")), unnamed, T0);

        assertThat(tracker.book().health("subnet-0c3d4e").lastFailure()).isEqualTo(SubnetFailureKind.IP_EXHAUSTED);
        assertThat(tracker.book().health("subnet-a").recentFailures()).as("only the single-subnet launch").isEqualTo(1);
        assertThat(tracker.book().health("subnet-b").recentFailures()).isZero();
    }

    private static ObservedTask task(String id, TaskStatus last, TaskStatus desired, StopCause cause, Instant started) {
        String reason = desired == TaskStatus.STOPPED ? ENI_TIMEOUT : null;
        return new ObservedTask("arn:aws:ecs:eu-west-1:1:task/prod/" + id, "prod", API, "spec", "fargate-reconciler",
                last, desired, T0.minusSeconds(200), started, last == TaskStatus.STOPPED ? T0 : null, "subnet-b",
                desired == TaskStatus.STOPPED ? "TaskFailedToStart" : null, reason, cause, List.of(), Map.of());
    }

    private static ObservedState state(ObservedTask... tasks) {
        return new ObservedState(Map.of("prod", new ObservedCluster("prod", List.of(tasks), T0)));
    }

    private static Launch launch(List<String> subnets) {
        TaskSpec spec = new TaskSpec("prod", "api:1", null, null, null, new Network(subnets, List.of(), false), null,
                null, null, false, null, null);
        return new Launch(API, spec, 1, subnets, "token-1", Map.of(), "test");
    }
}
