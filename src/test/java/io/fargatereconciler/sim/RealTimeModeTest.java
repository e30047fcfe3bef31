package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fargatereconciler.sim.faults.ApiFaults;
import io.fargatereconciler.sim.faults.FaultModel;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Dev mode: on the system clock a background ticker moves tasks along without anyone advancing time. */
class RealTimeModeTest {

    @Test
    void tasksReachRunningOnTheirOwnOnRealTime() {
        SimulatorConfig config = SimulatorConfig.builder().cluster("dev")
                .taskDefinition(TaskDefinitionSeed.of("api", "app", "example/api:1"))
                .lifecycle(LifecycleTimings.uniform(Duration.ofMillis(50)))
                .faults(FaultModel.none()).build();
        try (FargateSimulator simulator = FargateSimulator.builder().config(config).clock(Clock.systemUTC())
                .tick(Duration.ofMillis(20)).start(); EcsClient ecs = AwsClients.ecs(simulator.endpoint())) {
            String arn = ecs.runTask(SimulatorFixture.request("dev", "api", 1, "subnet-anything").build())
                    .tasks().get(0).taskArn();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(simulator.admin()
                    .countTasksByStatus()).containsEntry("RUNNING", 1L));
            assertThat(ecs.describeTasks(r -> r.cluster("dev").tasks(arn)).tasks().get(0).availabilityZone())
                    .startsWith("us-east-1");
        }
    }

    @Test
    void latencyFaultsDelayAnswersOnRealTime() {
        SimulatorConfig config = SimulatorConfig.builder().cluster("dev").faults(FaultModel.none()
                .withApi(new ApiFaults(null, Duration.ofMillis(300), Duration.ofMillis(300), null))).build();
        try (FargateSimulator simulator = FargateSimulator.start(config, Clock.systemUTC());
             EcsClient ecs = AwsClients.ecs(simulator.endpoint())) {
            long start = System.nanoTime();
            ecs.listClusters();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }
}
