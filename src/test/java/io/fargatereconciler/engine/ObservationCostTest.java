package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.aws.SdkEcsGateway;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.TaskObserver;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.sim.ApiCallStats;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The observer's API calls per pass, counted by the simulator: pages and batches of 100, nothing per task. */
@QuarkusTest
class ObservationCostTest {
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
    void observesLiveAndVanishedTasksAtTheFloorOfListAndDescribeCalls() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        EcsGateway gateway = new SdkEcsGateway(account.ecs, Ownership.DEFAULT_OWNER_ID, ecsConfig);
        TaskObserver observer = new TaskObserver(gateway, account.clock);
        List<String> arns = launch(gateway, 250);
        observer.rememberLaunched(SimulatedAccount.CLUSTER, arns);
        account.advance(Duration.ofMinutes(1));

        ApiCallStats first = countCalls(() -> observer.observe(SimulatedAccount.CLUSTER));
        assertThat(first.calls("ecs:ListTasks")).isEqualTo(3);      // ceil(250 / 100)
        assertThat(first.calls("ecs:DescribeTasks")).isEqualTo(3);  // ceil(250 / 100)

        arns.subList(0, 30).forEach(arn -> account.admin().stopTask(arn, "Task stopped by user"));
        account.advance(Duration.ofMinutes(1));
        List<ObservedTask> seen = new ArrayList<>();
        ApiCallStats second = countCalls(() -> seen.addAll(tasks(observer.observe(SimulatedAccount.CLUSTER))));
        assertThat(second.calls("ecs:ListTasks")).isEqualTo(3);      // ceil(220 / 100)
        assertThat(second.calls("ecs:DescribeTasks")).isEqualTo(3);  // ceil((220 + 30) / 100)
        assertThat(seen).filteredOn(ObservedTask::isStopped).hasSize(30);

        ApiCallStats third = countCalls(() -> observer.observe(SimulatedAccount.CLUSTER));
        assertThat(third.calls("ecs:DescribeTasks")).as("stopped tasks are not described again").isEqualTo(3);
    }

    @Test
    void reportsEachStoppedCopyOnceWithItsCause() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        EcsGateway gateway = new SdkEcsGateway(account.ecs, Ownership.DEFAULT_OWNER_ID, ecsConfig);
        TaskObserver observer = new TaskObserver(gateway, account.clock);
        List<String> arns = launch(gateway, 3);
        account.advance(Duration.ofMinutes(1));
        assertThat(tasks(observer.observe(SimulatedAccount.CLUSTER))).hasSize(3).allMatch(ObservedTask::isRunning);

        account.admin().stopTask(arns.get(0), "Task stopped by user");
        account.admin().killTask(arns.get(1), 137);
        account.advance(Duration.ofMinutes(1));
        List<ObservedTask> afterStops = tasks(observer.observe(SimulatedAccount.CLUSTER));

        assertThat(afterStops).filteredOn(ObservedTask::isStopped)
                .extracting(ObservedTask::taskArn, ObservedTask::stopCause)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(arns.get(0), StopCause.STOPPED_BY_USER),
                        org.assertj.core.groups.Tuple.tuple(arns.get(1), StopCause.ESSENTIAL_CONTAINER_EXITED));
        assertThat(tasks(observer.observe(SimulatedAccount.CLUSTER))).hasSize(1).allMatch(ObservedTask::isRunning);
    }

    private List<String> launch(EcsGateway gateway, int copies) {
        TaskGroup group = SimulatedAccount.group("api", copies, "api:1");
        List<String> arns = new ArrayList<>();
        for (int call = 0; arns.size() < copies; call++) {
            int count = Math.min(10, copies - arns.size());
            Launch launch = new Launch(group.key(), group.task(), count, SimulatedAccount.SUBNETS, "test-launch-" + call,
                    Map.of(), "test");
            LaunchResult result = gateway.runTask(launch);
            assertThat(result.outcome()).isEqualTo(LaunchResult.Outcome.STARTED);
            arns.addAll(result.taskArns());
            account.advance(Duration.ofSeconds(1));
        }
        return arns;
    }

    private ApiCallStats countCalls(Runnable observation) {
        account.admin().resetApiCalls();
        observation.run();
        return account.admin().apiCalls();
    }

    private static List<ObservedTask> tasks(EcsResult<ObservedCluster> result) {
        assertThat(result.isOk()).as(result.describe()).isTrue();
        return ((EcsResult.Ok<ObservedCluster>) result).value().tasks();
    }
}
