package io.fargatereconciler.engine;

import io.fargatereconciler.aws.Ec2Clients;
import io.fargatereconciler.aws.EcsClients;
import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.EcsEndpointOverride;
import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.sim.FargateSimulator;
import io.fargatereconciler.sim.SimulatorAdmin;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.SubnetSeed;
import io.fargatereconciler.sim.TaskDefinitionSeed;
import io.fargatereconciler.sim.TaskSnapshot;
import io.fargatereconciler.sim.VirtualClock;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A simulated AWS account on virtual time for engine tests and the benchmark harness ({@code bench}). By default one
 * cluster {@code prod}, two subnets in two AZs, task definition {@code api} with revisions 1 and 2; or any world
 * given as a {@link SimulatorConfig}. Daemons started from it talk to the simulator through the real SDK clients and
 * gateways.
 */
public final class SimulatedAccount implements AutoCloseable {
    public static final String CLUSTER = "prod";
    public static final List<String> SUBNETS = List.of("subnet-00000000000000aaa", "subnet-00000000000000bbb");

    public final VirtualClock clock = VirtualClock.create();
    public final FargateSimulator simulator;
    public final EcsClient ecs;
    public final Ec2Client ec2;
    public final EcsConfig ecsConfig;
    private volatile Supplier<Optional<DesiredState>> desired = Optional::empty;

    SimulatedAccount(EcsConfig ecsConfig, Consumer<SimulatorConfig.Builder> customise) {
        this(ecsConfig, customised(customise));
    }

    /** An account whose world is {@code config} (a scenario file, say), on a virtual clock. */
    public SimulatedAccount(EcsConfig ecsConfig, SimulatorConfig config) {
        this.simulator = FargateSimulator.start(config, clock);
        this.ecsConfig = ecsConfig;
        URI endpoint = simulator.endpoint();
        String region = config.region();
        EcsEndpointOverride override = new EcsEndpointOverride() {
            @Override
            public URI endpoint() {
                return endpoint;
            }

            @Override
            public String region() {
                return region;
            }
        };
        this.ecs = EcsClients.create(ecsConfig, Optional.of(override));
        this.ec2 = Ec2Clients.create(Duration.ofSeconds(5), Optional.of(override));
    }

    private static SimulatorConfig customised(Consumer<SimulatorConfig.Builder> customise) {
        SimulatorConfig.Builder config = SimulatorConfig.builder().region("eu-west-1").cluster(CLUSTER)
                .taskDefinition(TaskDefinitionSeed.of("api", "app", "example/api:1"))
                .taskDefinition(TaskDefinitionSeed.of("api", "app", "example/api:2"))
                .subnet(SubnetSeed.of(SUBNETS.get(0), "eu-west-1a", "10.0.1.0/24", 251))
                .subnet(SubnetSeed.of(SUBNETS.get(1), "eu-west-1b", "10.0.2.0/24", 251));
        customise.accept(config);
        return config.build();
    }

    public SimulatorAdmin admin() {
        return simulator.admin();
    }

    public void desire(DesiredResource... resources) {
        DesiredState state = DesiredState.of(List.of(resources), clock.instant());
        desired = () -> Optional.of(state);
    }

    /** Daemons read the desired state from {@code source} (a watched folder, say) from now on. */
    public void desireFrom(Supplier<Optional<DesiredState>> source) {
        desired = source;
    }

    public Optional<DesiredState> desired() {
        return desired.get();
    }

    static TaskGroup group(String name, int replicas, String taskDefinition) {
        TaskSpec spec = new TaskSpec(CLUSTER, taskDefinition, null, null, null, new Network(SUBNETS, List.of(), false),
                null, null, null, false, null, null);
        return new TaskGroup(new Metadata(name, null), new SourceLocation("test.yaml", 1, 1), spec, replicas,
                RolloutPolicy.DEFAULT);
    }

    /** Our tasks in the simulator that are live (PROVISIONING..RUNNING with desired status RUNNING). */
    List<TaskSnapshot> liveTasks() {
        return admin().tasks(CLUSTER).stream().filter(t -> Ownership.DEFAULT_OWNER_ID.equals(t.startedBy()))
                .filter(t -> "RUNNING".equals(t.desiredStatus()))
                .filter(t -> List.of("PROVISIONING", "PENDING", "ACTIVATING", "RUNNING").contains(t.lastStatus()))
                .toList();
    }

    long running() {
        return liveTasks().stream().filter(t -> "RUNNING".equals(t.lastStatus())).count();
    }

    /** Our RUNNING task that started first. */
    TaskSnapshot oldestRunning() {
        return liveTasks().stream().filter(task -> "RUNNING".equals(task.lastStatus()))
                .min(Comparator.comparing(TaskSnapshot::startedAt)).orElseThrow();
    }

    /** The ARNs of every task in the cluster, stopped ones included. */
    Set<String> taskArns() {
        return admin().tasks(CLUSTER).stream().map(TaskSnapshot::taskArn).collect(Collectors.toSet());
    }

    public void advance(Duration step) {
        clock.advance(step);
    }

    @Override
    public void close() {
        ecs.close();
        ec2.close();
        simulator.close();
    }
}
