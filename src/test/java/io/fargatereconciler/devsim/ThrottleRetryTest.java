package io.fargatereconciler.devsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fargatereconciler.sim.FargateSimulator;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;

/** The seeding's calls are retried on server errors and throttling only, with the SDK's own retries off. */
class ThrottleRetryTest {
    private final VirtualClock clock = VirtualClock.create();
    private final FargateSimulator simulator = FargateSimulator.start(SimulatorConfig.devExample(), clock);
    private final EcsClient ecs = EcsClient.builder().endpointOverride(simulator.endpoint()).region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();

    @AfterEach
    void close() {
        ecs.close();
        simulator.close();
    }

    @Test
    void retriesAServerErrorUntilTheCallGoesThrough() {
        simulator.admin().failNextCalls("ecs:CreateCluster", 2);
        ThrottleRetry calls = new ThrottleRetry(clock);

        String status = calls.call(() -> ecs.createCluster(r -> r.clusterName("mine"))).cluster().status();

        assertThat(status).isEqualTo("ACTIVE");
        assertThat(calls.retried()).isEqualTo(2);
        assertThat(simulator.admin().apiCalls().calls("ecs:CreateCluster")).isEqualTo(3);
    }

    @Test
    void passesAClientErrorStraightThroughWithoutRetrying() {
        ThrottleRetry calls = new ThrottleRetry(clock);

        assertThatThrownBy(() -> calls.call(() -> ecs.describeTaskDefinition(r -> r.taskDefinition("no-such:1"))))
                .isInstanceOf(ClientException.class);

        assertThat(calls.retried()).isZero();
        assertThat(simulator.admin().apiCalls().calls("ecs:DescribeTaskDefinition")).isEqualTo(1);
    }
}
