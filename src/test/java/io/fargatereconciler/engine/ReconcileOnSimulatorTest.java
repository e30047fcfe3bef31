package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.Hold;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.sim.LifecycleTimings;
import io.fargatereconciler.sim.faults.FaultModel;
import io.fargatereconciler.sim.faults.SubnetFaults;
import io.fargatereconciler.sim.TaskSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine against the Fargate simulator on virtual time, pass by pass. Runs inside Quarkus only because the
 * gateway's SmallRye Fault Tolerance guard needs its runtime; every daemon is built here, not injected.
 */
@QuarkusTest
class ReconcileOnSimulatorTest {
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
    void growsFromNothingToFiftyRunningCopiesWithoutEverExceedingFifty() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 50, "api:1"));
        Daemon daemon = new Daemon(account, 1);
        AtomicInteger mostLive = new AtomicInteger();

        daemon.runFor(Duration.ofMinutes(5), Duration.ofSeconds(1),
                () -> mostLive.accumulateAndGet(account.liveTasks().size(), Math::max));

        assertThat(account.running()).isEqualTo(50);
        assertThat(mostLive.get()).isEqualTo(50);
        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(50);
    }

    @Test
    void replacesAKilledCopyWithinOneResync() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 3, "api:1"));
        Daemon daemon = new Daemon(account, 2);
        daemon.runFor(Duration.ofMinutes(3));
        assertThat(account.running()).isEqualTo(3);
        TaskSnapshot victim = account.liveTasks().get(0);
        Instant killedAt = account.clock.instant();

        account.admin().killTask(victim.taskArn(), 137);
        daemon.runFor(Duration.ofSeconds(34));

        assertThat(account.liveTasks()).hasSize(3)
                .anySatisfy(task -> assertThat(task.createdAt()).isAfter(killedAt));
        daemon.runFor(Duration.ofMinutes(2));
        assertThat(account.running()).isEqualTo(3);
    }

    @Test
    void rollsToANewSpecWithoutRunningCapacityDroppingBelowDesired() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 4, "api:1"));
        Daemon daemon = new Daemon(account, 8);
        daemon.runFor(Duration.ofMinutes(3));
        assertThat(account.running()).isEqualTo(4);
        String newSpecHash = SimulatedAccount.group("api", 4, "api:2").task().specHash();
        AtomicInteger fewestRunning = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger mostLive = new AtomicInteger();

        account.desire(SimulatedAccount.group("api", 4, "api:2"));
        daemon.runFor(Duration.ofMinutes(15), Duration.ofSeconds(1), () -> {
            fewestRunning.accumulateAndGet((int) account.running(), Math::min);
            mostLive.accumulateAndGet(account.liveTasks().size(), Math::max);
        });

        assertThat(fewestRunning.get()).as("running copies during the roll").isGreaterThanOrEqualTo(4);
        assertThat(mostLive.get()).as("live copies during the roll (maxSurge 1)").isLessThanOrEqualTo(5);
        assertThat(account.liveTasks()).hasSize(4).allSatisfy(task -> {
            assertThat(task.lastStatus()).isEqualTo("RUNNING");
            assertThat(task.tags()).containsEntry(Ownership.SPEC_HASH_TAG, newSpecHash);
        });
    }

    @Test
    void relaunchesWhenTheBackoffEndsRatherThanAtTheNextResync() {
        LifecycleTimings quickEniTimeout = new LifecycleTimings(null, null, null, null, null, null,
                Duration.ofSeconds(5), null);
        account = new SimulatedAccount(ecsConfig, config -> config.lifecycle(quickEniTimeout).faults(FaultModel.none()
                .withSubnet(SimulatedAccount.SUBNETS.get(0), SubnetFaults.eniFailure(1.0))
                .withSubnet(SimulatedAccount.SUBNETS.get(1), SubnetFaults.eniFailure(1.0))));
        account.desire(SimulatedAccount.group("api", 1, "api:1"));
        TestLoopSettings rareResync = new TestLoopSettings(Duration.ofMinutes(30), 0.1);
        Daemon daemon = new Daemon(account, 11, gateway -> gateway, PlannerConfig.DEFAULTS, rareResync);
        ResourceKey api = ResourceKey.taskGroup("api");
        Instant giveUpAt = account.clock.instant().plus(Duration.ofMinutes(10));
        // The first failure is routed around (the other subnet is untried, so no wait); once both have failed the
        // group backs off.
        while (daemon.status.get(api).map(report -> report.status().hold()).orElse(Hold.NONE) != Hold.BACKOFF) {
            assertThat(account.clock.instant()).as("both subnets fail within 10 minutes").isBefore(giveUpAt);
            daemon.runFor(Duration.ofSeconds(1));
        }
        Instant failureSeenAt = account.clock.instant();
        Instant retryAt = daemon.status.get(api).orElseThrow().status().nextLookAt();
        SimulatedAccount.SUBNETS.forEach(subnet -> account.admin().setEniFailureProbability(subnet, 0));
        long launchesBefore = account.admin().apiCalls().calls("ecs:RunTask");

        assertThat(retryAt).as("the end of the first backoff (at most 20 s: the second failure counted)")
                .isBefore(failureSeenAt.plus(Duration.ofSeconds(21)));
        daemon.runFor(Duration.between(account.clock.instant(), retryAt).plusSeconds(2));

        assertThat(account.admin().apiCalls().calls("ecs:RunTask")).as("relaunched long before the 30-min resync")
                .isEqualTo(launchesBefore + 1);
    }
}
