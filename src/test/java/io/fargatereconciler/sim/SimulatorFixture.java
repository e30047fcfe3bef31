package io.fargatereconciler.sim;

import io.fargatereconciler.sim.faults.FaultModel;
import io.fargatereconciler.sim.faults.ThrottlingConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A simulator on a virtual clock with clusters payments and data, task definitions api and job, and subnets
 * subnet-a (us-east-1a) and subnet-b (us-east-1b) with 200 free IPs each; throttling off unless a test turns it on.
 * Tests talk to it only through the real SDK clients.
 */
public final class SimulatorFixture implements AutoCloseable {
    static final Duration STARTUP = LifecycleTimings.defaults().startup();

    final VirtualClock clock = VirtualClock.create();
    final FargateSimulator simulator;
    final EcsClient ecs;
    final Ec2Client ec2;
    final SnsClient sns;

    SimulatorFixture() {
        this(UnaryOperator.identity());
    }

    SimulatorFixture(UnaryOperator<SimulatorConfig.Builder> customise) {
        SimulatorConfig.Builder config = SimulatorConfig.builder()
                .seed(7)
                .cluster("payments").cluster("data")
                .taskDefinition(TaskDefinitionSeed.of("api", "app", "public.ecr.aws/nginx/nginx:1.27"))
                .taskDefinition(TaskDefinitionSeed.of("job", "main", "public.ecr.aws/docker/library/busybox:1"))
                .subnet(SubnetSeed.of("subnet-a", "us-east-1a", "10.0.1.0/24", 200))
                .subnet(SubnetSeed.of("subnet-b", "us-east-1b", "10.0.2.0/24", 200))
                .topic("reconciler-alerts")
                .faults(FaultModel.none().withThrottling(ThrottlingConfig.disabled()));
        simulator = FargateSimulator.start(customise.apply(config).build(), clock);
        ecs = AwsClients.ecs(simulator.endpoint());
        ec2 = AwsClients.ec2(simulator.endpoint());
        sns = AwsClients.sns(simulator.endpoint());
    }

    SimulatorAdmin admin() {
        return simulator.admin();
    }

    RunTaskResponse run(String cluster, String family, int count, String... subnets) {
        return ecs.runTask(request(cluster, family, count, subnets).build());
    }

    List<Task> runTasks(String cluster, String family, int count, String... subnets) {
        return run(cluster, family, count, subnets).tasks();
    }

    public static RunTaskRequest.Builder request(String cluster, String family, int count, String... subnets) {
        return RunTaskRequest.builder().cluster(cluster).taskDefinition(family).count(count)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(subnets)));
    }

    Task describe(String cluster, String taskArn) {
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks().get(0);
    }

    void advance(Duration step) {
        clock.advance(step);
    }

    @Override
    public void close() {
        ecs.close();
        ec2.close();
        sns.close();
        simulator.close();
    }
}
