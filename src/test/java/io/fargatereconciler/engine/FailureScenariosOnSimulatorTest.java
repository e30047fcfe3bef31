package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.Condition;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.StopResult;
import io.fargatereconciler.sim.faults.ApiFaults;
import io.fargatereconciler.sim.faults.FaultModel;
import io.fargatereconciler.sim.faults.ThrottleCategory;
import io.fargatereconciler.sim.faults.ThrottlingConfig;
import io.fargatereconciler.sim.faults.ThrottlingConfig.BucketSpec;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine through outages, throttling, eventual consistency and a crash, on the simulator's virtual time. */
@QuarkusTest
class FailureScenariosOnSimulatorTest {
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
    void survivesATwentyMinuteEniOutageInEverySubnetWithFewLaunchesAndRecoversByItself() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 5, "api:1"));
        SimulatedAccount.SUBNETS.forEach(subnet -> account.admin().startEniOutage(subnet, Duration.ofMinutes(20)));
        Daemon daemon = new Daemon(account, 3);

        daemon.runFor(Duration.ofMinutes(20));
        long runTaskCallsDuringOutage = account.admin().apiCalls().calls("ecs:RunTask");
        long tasksDoomed = account.admin().apiCalls().tasksDoomed();
        GroupStatus during = daemon.status.get(ResourceKey.taskGroup("api")).orElseThrow().status();
        assertThat(during.condition(Condition.Type.Degraded).status()).isEqualTo(Condition.Status.True);
        assertThat(during.condition(Condition.Type.Degraded).reason()).as("copies stalled and were stopped before "
                + "ECS's 3-minute ENI timeout").isEqualTo("EniProvisioningStalled");
        assertThat(during.failures()).as("failed starts counted against the group").isGreaterThanOrEqualTo(5);
        assertThat(SimulatedAccount.SUBNETS).allSatisfy(subnet -> assertThat(daemon.meters.counter(
                "reconciler.eni.failures", "subnet", subnet, "cause", "ENI_PROVISIONING_STALLED").count()).isPositive());
        daemon.runFor(Duration.ofMinutes(15));

        assertThat(account.running()).isEqualTo(5);
        assertThat(daemon.status.get(ResourceKey.taskGroup("api")).orElseThrow().status()
                .condition(Condition.Type.Available).status()).isEqualTo(Condition.Status.True);
        // A loop without backoff would relaunch every copy each time one fails (about every 3 minutes, the ENI
        // timeout): ~35 doomed tasks in 20 minutes. Backoff and slow start keep it to a handful.
        assertThat(runTaskCallsDuringOutage).isLessThanOrEqualTo(20);
        assertThat(tasksDoomed).isLessThanOrEqualTo(20);
        System.out.printf("ENI outage: %d RunTask calls, %d doomed tasks in 20 min%n", runTaskCallsDuringOutage,
                tasksDoomed);
    }

    @Test
    void throttlingStormsLoseNoLaunchAndDoubleNone() {
        ThrottlingConfig storm = new ThrottlingConfig(true, Map.of(
                ThrottleCategory.RUN_STOP, new BucketSpec(2, 0.2),
                ThrottleCategory.DESCRIBE_LIST, new BucketSpec(4, 1)));
        account = new SimulatedAccount(ecsConfig, config -> config.faults(FaultModel.none().withThrottling(storm)));
        account.desire(SimulatedAccount.group("api", 30, "api:1"));
        Daemon daemon = new Daemon(account, 4);
        AtomicInteger mostLive = new AtomicInteger();

        daemon.runFor(Duration.ofMinutes(15), Duration.ofSeconds(1),
                () -> mostLive.accumulateAndGet(account.liveTasks().size(), Math::max));

        assertThat(account.admin().apiCalls().throttled().values().stream().mapToLong(Long::longValue).sum())
                .as("the storm throttled some calls").isPositive();
        assertThat(account.running()).isEqualTo(30);
        assertThat(mostLive.get()).isEqualTo(30);
        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(30);
    }

    @Test
    void aListTasksThatLagsBehindCausesNoOvershoot() {
        account = new SimulatedAccount(ecsConfig,
                config -> config.faults(FaultModel.none().withApi(ApiFaults.none().withListTasksLag(Duration.ofSeconds(90)))));
        account.desire(SimulatedAccount.group("api", 10, "api:1"));
        Daemon daemon = new Daemon(account, 5);
        AtomicInteger mostLive = new AtomicInteger();

        daemon.runFor(Duration.ofMinutes(5), Duration.ofSeconds(1),
                () -> mostLive.accumulateAndGet(account.liveTasks().size(), Math::max));

        assertThat(account.running()).isEqualTo(10);
        assertThat(mostLive.get()).isEqualTo(10);
        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(10);
    }

    @Test
    void aDaemonRestartedMidPassDoesNotLaunchTheSameCopiesAgain() {
        account = new SimulatedAccount(ecsConfig,
                config -> config.faults(FaultModel.none().withApi(ApiFaults.none().withListTasksLag(Duration.ofMinutes(2)))));
        account.desire(SimulatedAccount.group("api", 20, "api:1"));
        Daemon crashing = new Daemon(account, 6, DiesAfterFirstRunTask::new, PlannerConfig.DEFAULTS);
        crashing.loop.runPass();
        assertThat(account.liveTasks()).as("the first RunTask (a probe of 2: a fresh daemon knows no subnet) landed "
                + "before the crash").hasSize(2);

        Daemon restarted = new Daemon(account, 7);
        AtomicInteger mostLive = new AtomicInteger();
        restarted.runFor(Duration.ofMinutes(5), Duration.ofSeconds(1),
                () -> mostLive.accumulateAndGet(account.liveTasks().size(), Math::max));

        assertThat(account.running()).isEqualTo(20);
        assertThat(mostLive.get()).isEqualTo(20);
        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(20);
    }

    @Test
    void onShutdownFinishesTheCallInFlightAndLaunchesNothingNew() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 20, "api:1"));
        AtomicReference<Daemon> daemon = new AtomicReference<>();
        daemon.set(new Daemon(account, 9, real -> new StopsTheLoopDuringRunTask(real, () -> daemon.get().loop.stop()),
                PlannerConfig.DEFAULTS));

        daemon.get().loop.runPass();

        assertThat(account.admin().apiCalls().calls("ecs:RunTask")).as("the pass planned two RunTask calls, a probe "
                + "of 2 into each subnet").isEqualTo(1);
        assertThat(account.liveTasks()).as("the call in flight completed").hasSize(2);
        daemon.get().runFor(Duration.ofMinutes(1));
        assertThat(account.admin().apiCalls().calls("ecs:RunTask")).as("nothing after shutdown").isEqualTo(1);
    }

    /** The real gateway; SIGTERM arrives while the first RunTask is on its way. */
    private static final class StopsTheLoopDuringRunTask extends DelegatingGateway {
        private final Runnable sigterm;

        StopsTheLoopDuringRunTask(EcsGateway real, Runnable sigterm) {
            super(real);
            this.sigterm = sigterm;
        }

        @Override
        public LaunchResult runTask(Launch launch) {
            sigterm.run();
            return super.runTask(launch);
        }
    }

    /** The real gateway, in a process that dies right after its first RunTask reached ECS. */
    private static final class DiesAfterFirstRunTask extends DelegatingGateway {
        private boolean launched;

        DiesAfterFirstRunTask(EcsGateway real) {
            super(real);
        }

        @Override
        public LaunchResult runTask(Launch launch) {
            if (launched) {
                throw new IllegalStateException("the process is dead");
            }
            launched = true;
            super.runTask(launch);
            throw new IllegalStateException("killed after RunTask reached ECS, before its answer was handled");
        }
    }
}
