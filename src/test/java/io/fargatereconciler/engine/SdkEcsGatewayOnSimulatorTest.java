package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.aws.SdkEcsGateway;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.StopResult;
import io.fargatereconciler.sim.faults.FaultModel;
import io.fargatereconciler.sim.faults.SubnetFaults;
import io.fargatereconciler.sim.faults.ThrottleCategory;
import io.fargatereconciler.sim.faults.ThrottlingConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SDK gateway against the simulator's ECS protocol: every way a call ends, as the planner's values. */
@QuarkusTest
class SdkEcsGatewayOnSimulatorTest {
    private static final TaskGroup API = SimulatedAccount.group("api", 2, "api:1");

    @Inject
    EcsConfig ecsConfig;

    private SimulatedAccount account;

    @AfterEach
    void closeAccount() {
        if (account != null) {
            account.close();
        }
    }

    @Test
    void aRepeatedClientTokenReturnsTheSameTasksInsteadOfLaunchingAgain() {
        EcsGateway gateway = gateway(config -> { });

        LaunchResult first = gateway.runTask(launch(2, "token-a"));
        LaunchResult again = gateway.runTask(launch(2, "token-a"));

        assertThat(first.outcome()).isEqualTo(LaunchResult.Outcome.STARTED);
        assertThat(first.taskArns()).hasSize(2);
        assertThat(again.taskArns()).isEqualTo(first.taskArns());
        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(2);
    }

    @Test
    void aTokenWhoseTasksAlreadyStoppedIsReportedAsReused() {
        EcsGateway gateway = gateway(config -> { });
        List<String> arns = gateway.runTask(launch(1, "token-b")).taskArns();
        account.admin().stopTask(arns.get(0), "Task stopped by user");
        account.advance(Duration.ofMinutes(2));

        LaunchResult reused = gateway.runTask(launch(1, "token-b"));

        assertThat(reused.outcome()).isEqualTo(LaunchResult.Outcome.TOKEN_REUSED);
        assertThat(reused.taskArns()).isEqualTo(arns);
    }

    @Test
    void aTokenUsedWithOtherParametersIsAConflictNamingTheTasksItLaunched() {
        EcsGateway gateway = gateway(config -> { });
        List<String> first = gateway.runTask(launch(1, "token-c")).taskArns();

        LaunchResult conflict = gateway.runTask(launch(2, "token-c"));

        assertThat(conflict.outcome()).isEqualTo(LaunchResult.Outcome.TOKEN_CONFLICT);
        assertThat(conflict.taskArns()).as("resourceIds").isEqualTo(first);
    }

    @Test
    void capacityFailuresComeBackAsClassifiedFailures() {
        SubnetFaults noCapacity = SubnetFaults.none().withCapacityUnavailableProbability(1.0);
        EcsGateway gateway = gateway(config -> config.faults(FaultModel.none()
                .withSubnet(SimulatedAccount.SUBNETS.get(0), noCapacity)
                .withSubnet(SimulatedAccount.SUBNETS.get(1), noCapacity)));

        LaunchResult result = gateway.runTask(launch(2, "token-d"));

        assertThat(result.outcome()).isEqualTo(LaunchResult.Outcome.STARTED);
        assertThat(result.taskArns()).isEmpty();
        assertThat(result.failures()).isNotEmpty()
                .allSatisfy(failure -> assertThat(failure.cause()).isEqualTo(StopCause.CAPACITY_UNAVAILABLE));
    }

    @Test
    void throttlingIsItsOwnOutcome() {
        ThrottlingConfig tight = new ThrottlingConfig(true,
                Map.of(ThrottleCategory.RUN_STOP, new ThrottlingConfig.BucketSpec(1, 0.001)));
        EcsGateway gateway = gateway(config -> config.faults(FaultModel.none().withThrottling(tight)));
        gateway.runTask(launch(1, "token-e"));

        assertThat(gateway.runTask(launch(1, "token-f")).outcome()).isEqualTo(LaunchResult.Outcome.THROTTLED);
    }

    @Test
    void stoppingATaskEcsNoLongerKnowsIsNotFound() {
        EcsGateway gateway = gateway(config -> { });
        String unknown = "arn:aws:ecs:eu-west-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";

        StopResult result = gateway.stopTask(new Stop(API.key(), SimulatedAccount.CLUSTER, unknown, "scale down"));

        assertThat(result.outcome()).isEqualTo(StopResult.Outcome.NOT_FOUND);
    }

    @Test
    void ourStopsAreRecognisedAsOursWhenObserved() {
        EcsGateway gateway = gateway(config -> { });
        String arn = gateway.runTask(launch(1, "token-g")).taskArns().get(0);
        account.advance(Duration.ofMinutes(1));

        assertThat(gateway.stopTask(new Stop(API.key(), SimulatedAccount.CLUSTER, arn, "scale down")).outcome())
                .isEqualTo(StopResult.Outcome.STOPPED);
        account.advance(Duration.ofMinutes(1));
        var described = gateway.describeTasks(SimulatedAccount.CLUSTER, List.of(arn));

        assertThat(((EcsResult.Ok<io.fargatereconciler.aws.DescribedTasks>) described).value().tasks())
                .singleElement().satisfies(task -> {
                    assertThat(task.stopCause()).isEqualTo(StopCause.STOPPED_BY_RECONCILER);
                    assertThat(task.group()).isEqualTo(API.key());
                    assertThat(task.specHash()).isEqualTo(API.task().specHash());
                    assertThat(task.startedBy()).isEqualTo(Ownership.DEFAULT_OWNER_ID);
                    assertThat(task.subnetId()).isIn(SimulatedAccount.SUBNETS);
                });
    }

    @Test
    void listsOnlyTasksStartedByUs() {
        EcsGateway ours = gateway(config -> { });
        EcsGateway someoneElse = new SdkEcsGateway(account.ecs, "another-owner", ecsConfig);
        String arn = ours.runTask(launch(1, "token-h")).taskArns().get(0);
        someoneElse.runTask(launch(1, "token-i"));

        var page = ours.listTasks(SimulatedAccount.CLUSTER, null);

        assertThat(((EcsResult.Ok<io.fargatereconciler.aws.TaskArnPage>) page).value().taskArns()).containsExactly(arn);
    }

    private EcsGateway gateway(Consumer<io.fargatereconciler.sim.SimulatorConfig.Builder> world) {
        account = new SimulatedAccount(ecsConfig, world);
        return new SdkEcsGateway(account.ecs, Ownership.DEFAULT_OWNER_ID, ecsConfig);
    }

    private static Launch launch(int count, String token) {
        return new Launch(API.key(), API.task(), count, SimulatedAccount.SUBNETS, token, Map.of(), "test");
    }
}
