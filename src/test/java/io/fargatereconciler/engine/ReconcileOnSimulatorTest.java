package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.plan.Ownership;
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
}
