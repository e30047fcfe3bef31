package io.fargatereconciler.engine;

import io.fargatereconciler.api.ReconcilerMetrics;
import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.aws.SdkEc2Gateway;
import io.fargatereconciler.aws.SdkEcsGateway;
import io.fargatereconciler.loop.GroupNotifications;
import io.fargatereconciler.loop.GroupStatusBook;
import io.fargatereconciler.loop.JobEventReporter;
import io.fargatereconciler.loop.JobNotifications;
import io.fargatereconciler.loop.JobStatusBook;
import io.fargatereconciler.loop.LoopHealth;
import io.fargatereconciler.loop.NotificationPublisher;
import io.fargatereconciler.loop.ReconcileLoop;
import io.fargatereconciler.loop.ReconcilePassParts;
import io.fargatereconciler.loop.leader.Leadership;
import io.fargatereconciler.loop.leader.SoleReplicaLeadership;
import io.fargatereconciler.loop.state.InMemoryStateStore;
import io.fargatereconciler.loop.state.StateStore;
import io.fargatereconciler.loop.subnets.SubnetSteeringSteps;
import io.fargatereconciler.observe.TaskObserver;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.Planner;
import io.fargatereconciler.plan.PlannerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * One reconciler daemon against a {@link SimulatedAccount}, as the production wiring builds it (real gateway,
 * observer, planner, loop) but with passes driven by the test (or the benchmark harness) on virtual time. A new
 * Daemon is a restarted process: fresh observer and planner memory, same ECS.
 */
public final class Daemon {
    public final ReconcileLoop loop;
    public final GroupStatusBook status = new GroupStatusBook(20);
    public final LoopHealth health;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final JobStatusBook jobs = new JobStatusBook();
    final SubnetSteeringSteps subnets;
    private final SimulatedAccount account;

    Daemon(SimulatedAccount account, long seed) {
        this(account, seed, gateway -> gateway, PlannerConfig.DEFAULTS);
    }

    Daemon(SimulatedAccount account, long seed, UnaryOperator<EcsGateway> wrapGateway, PlannerConfig planner) {
        this(account, seed, wrapGateway, planner, TestLoopSettings.DEFAULTS);
    }

    Daemon(SimulatedAccount account, long seed, UnaryOperator<EcsGateway> wrapGateway, PlannerConfig planner,
           TestLoopSettings settings) {
        this(account, seed, wrapGateway, planner, settings, JobNotifications.loggedOnly(),
                new SoleReplicaLeadership("only-replica", account.clock.instant()));
    }

    /** A daemon whose Job notifications go out through {@code notifications} (SNS on the simulator, say). */
    Daemon(SimulatedAccount account, long seed, JobNotifications notifications) {
        this(account, seed, gateway -> gateway, PlannerConfig.DEFAULTS, TestLoopSettings.DEFAULTS, notifications,
                new SoleReplicaLeadership("only-replica", account.clock.instant()));
    }

    /** A daemon with {@code wrapGateway} around its gateway, these subnet settings, Jobs notifying through {@code notifications}. */
    Daemon(SimulatedAccount account, long seed, UnaryOperator<EcsGateway> wrapGateway, JobNotifications notifications,
           TestSubnetSettings subnets) {
        this(account, seed, wrapGateway, PlannerConfig.DEFAULTS, TestLoopSettings.DEFAULTS, notifications,
                new SoleReplicaLeadership("only-replica", account.clock.instant()), subnets,
                GroupNotifications.loggedOnly());
    }

    /** A daemon with these subnet-steering and test-ENI settings, notifications only logged. */
    Daemon(SimulatedAccount account, long seed, TestSubnetSettings subnets) {
        this(account, seed, gateway -> gateway, PlannerConfig.DEFAULTS, TestLoopSettings.DEFAULTS,
                JobNotifications.loggedOnly(), new SoleReplicaLeadership("only-replica", account.clock.instant()),
                subnets, GroupNotifications.loggedOnly());
    }

    /** A daemon with these subnet-steering and test-ENI settings, notifying Jobs and groups through {@code sns}. */
    Daemon(SimulatedAccount account, long seed, TestSubnetSettings subnets, NotificationPublisher sns) {
        this(account, seed, gateway -> gateway, PlannerConfig.DEFAULTS, TestLoopSettings.DEFAULTS,
                new JobNotifications(sns), new SoleReplicaLeadership("only-replica", account.clock.instant()), subnets,
                new GroupNotifications(sns, Duration.ofMinutes(10)));
    }

    /** A daemon that acts only while {@code leadership} says it leads. */
    Daemon(SimulatedAccount account, long seed, UnaryOperator<EcsGateway> wrapGateway, PlannerConfig planner,
           TestLoopSettings settings, Leadership leadership) {
        this(account, seed, wrapGateway, planner, settings, JobNotifications.loggedOnly(), leadership);
    }

    /**
     * Production defaults for subnet steering and group notifications (logged only); {@code wrapGateway} wraps the
     * real ECS gateway (to inject a fault, or model call latency).
     */
    public Daemon(SimulatedAccount account, long seed, UnaryOperator<EcsGateway> wrapGateway, PlannerConfig planner,
                  TestLoopSettings settings, JobNotifications notifications, Leadership leadership) {
        this(account, seed, wrapGateway, planner, settings, notifications, leadership, TestSubnetSettings.DEFAULTS,
                GroupNotifications.loggedOnly(), new InMemoryStateStore());
    }

    /** A daemon that acts only while {@code leadership} says it leads, keeping its durable state in {@code state}. */
    public Daemon(SimulatedAccount account, long seed, UnaryOperator<EcsGateway> wrapGateway, PlannerConfig planner,
                  TestLoopSettings settings, JobNotifications notifications, Leadership leadership, StateStore state) {
        this(account, seed, wrapGateway, planner, settings, notifications, leadership, TestSubnetSettings.DEFAULTS,
                GroupNotifications.loggedOnly(), state);
    }

    private Daemon(SimulatedAccount account, long seed, UnaryOperator<EcsGateway> wrapGateway, PlannerConfig planner,
                   TestLoopSettings settings, JobNotifications notifications, Leadership leadership,
                   TestSubnetSettings subnetSettings, GroupNotifications groupNotifications) {
        this(account, seed, wrapGateway, planner, settings, notifications, leadership, subnetSettings,
                groupNotifications, new InMemoryStateStore());
    }

    private Daemon(SimulatedAccount account, long seed, UnaryOperator<EcsGateway> wrapGateway, PlannerConfig planner,
                   TestLoopSettings settings, JobNotifications notifications, Leadership leadership,
                   TestSubnetSettings subnetSettings, GroupNotifications groupNotifications, StateStore state) {
        this.account = account;
        this.health = new LoopHealth(account.clock.instant());
        EcsGateway gateway = wrapGateway.apply(new SdkEcsGateway(account.ecs, Ownership.DEFAULT_OWNER_ID,
                account.ecsConfig, leadership::isLeader));
        ReconcilerMetrics metrics = new ReconcilerMetrics(meters, status, account.clock);
        this.subnets = new SubnetSteeringSteps(subnetSettings, subnetSettings, new SdkEc2Gateway(account.ec2),
                Ownership.DEFAULT_OWNER_ID, metrics);
        ReconcilePassParts parts = new ReconcilePassParts(new TaskObserver(gateway, account.clock), gateway, status,
                metrics, health, jobs, new JobEventReporter(metrics, notifications), leadership, subnets,
                groupNotifications, state);
        Planner planning = subnetSettings.steering()
                ? Planner.steeredByHealth(planner, subnetSettings.settings(subnetSettings.stall()))
                : new Planner(planner);
        this.loop = new ReconcileLoop(account::desired, parts, planning, account.clock, settings, new Random(seed));
        metrics.watchOrphans(loop::orphans);
    }

    /** Runs whatever is due, then moves virtual time by {@code step}, until {@code total} has passed. */
    void runFor(Duration total, Duration step, Runnable afterEachStep) {
        var end = account.clock.instant().plus(total);
        while (account.clock.instant().isBefore(end)) {
            loop.runDue();
            account.advance(step);
            afterEachStep.run();
        }
    }

    void runFor(Duration total) {
        runFor(total, Duration.ofSeconds(1), () -> { });
    }
}
