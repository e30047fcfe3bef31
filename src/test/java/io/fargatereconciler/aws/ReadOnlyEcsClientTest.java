package io.fargatereconciler.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fargatereconciler.sim.FargateSimulator;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.VirtualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The client {@code plan} observes with refuses RunTask and StopTask before they leave the process. */
class ReadOnlyEcsClientTest {
    @Test
    void refusesRunTaskAndStopTaskButListsTasks() {
        try (FargateSimulator simulator = FargateSimulator.start(SimulatorConfig.devExample(), VirtualClock.create());
             EcsClient ecs = EcsClient.builder().endpointOverride(simulator.endpoint()).region(Region.EU_WEST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                     .overrideConfiguration(ClientOverrideConfiguration.builder()
                             .addExecutionInterceptor(SdkEcsTaskReader.READ_ONLY).build())
                     .build()) {
            assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("payments-prod").taskDefinition("payments-api:42")))
                    .hasMessageContaining("refusing RunTaskRequest: this ECS client is read-only (DescribeTasks and ListTasks only)");
            assertThatThrownBy(() -> ecs.stopTask(r -> r.cluster("payments-prod").task("arn:aws:ecs:x")))
                    .hasMessageContaining("refusing StopTaskRequest");
            assertThat(ecs.listTasks(r -> r.cluster("payments-prod")).taskArns()).isEmpty();
            assertThat(simulator.admin().apiCalls().calls("ecs:RunTask")).isZero();
            assertThat(simulator.admin().apiCalls().calls("ecs:StopTask")).isZero();
            assertThat(simulator.admin().apiCalls().calls("ecs:ListTasks")).isEqualTo(1);
        }
    }
}
