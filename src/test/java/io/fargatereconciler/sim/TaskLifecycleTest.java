package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

class TaskLifecycleTest {
    private final VirtualClock clock = VirtualClock.create();
    private FargateSimulator simulator;
    private EcsClient ecs;

    @BeforeEach
    void start() {
        simulator = FargateSimulator.start(SimulatorConfig.builder()
                .cluster("payments")
                .taskDefinition(TaskDefinitionSeed.of("api", "app", "public.ecr.aws/nginx/nginx:1"))
                .subnet(SubnetSeed.of("subnet-a", "us-east-1a", "10.0.1.0/24", 200))
                .build(), clock);
        ecs = AwsClients.ecs(simulator.endpoint());
    }

    @AfterEach
    void stop() {
        ecs.close();
        simulator.close();
    }

    @Test
    void aLaunchedTaskWalksThroughProvisioningPendingActivatingToRunning() {
        Task launched = runOne();
        assertThat(launched.lastStatus()).isEqualTo("PROVISIONING");
        assertThat(launched.desiredStatus()).isEqualTo("RUNNING");
        assertThat(details(launched.attachments().get(0))).extracting(KeyValuePair::name).containsExactly("subnetId");

        clock.advance(Duration.ofSeconds(15));
        Task pending = describe(launched.taskArn());
        assertThat(pending.lastStatus()).isEqualTo("PENDING");
        assertThat(details(pending.attachments().get(0))).extracting(KeyValuePair::name)
                .contains("networkInterfaceId", "privateIPv4Address", "macAddress");

        clock.advance(Duration.ofSeconds(20));
        assertThat(describe(launched.taskArn()).lastStatus()).isEqualTo("ACTIVATING");

        clock.advance(Duration.ofSeconds(5));
        Task running = describe(launched.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.startedAt()).isEqualTo(clock.instant());
        assertThat(running.containers().get(0).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void aStoppedTaskGoesThroughDeactivatingStoppingDeprovisioningWithTheUserStopReason() {
        Task launched = runOne();
        clock.advance(Duration.ofMinutes(1));

        Task stopping = ecs.stopTask(r -> r.cluster("payments").task(launched.taskArn())).task();
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.lastStatus()).isEqualTo("DEACTIVATING");
        clock.advance(Duration.ofSeconds(5));
        assertThat(describe(launched.taskArn()).lastStatus()).isEqualTo("STOPPING");
        clock.advance(Duration.ofSeconds(10));
        assertThat(describe(launched.taskArn()).lastStatus()).isEqualTo("DEPROVISIONING");
        clock.advance(Duration.ofSeconds(15));

        Task stopped = describe(launched.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCodeAsString()).isEqualTo("UserInitiated");
        assertThat(stopped.stoppedReason()).isEqualTo("Task stopped by user");
        assertThat(stopped.stoppedAt()).isEqualTo(clock.instant());
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(0);
    }

    private Task runOne() {
        return ecs.runTask(r -> r.cluster("payments").taskDefinition("api").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a")))).tasks().get(0);
    }

    private Task describe(String arn) {
        return ecs.describeTasks(r -> r.cluster("payments").tasks(arn)).tasks().get(0);
    }

    private static List<KeyValuePair> details(Attachment attachment) {
        return attachment.details();
    }
}
