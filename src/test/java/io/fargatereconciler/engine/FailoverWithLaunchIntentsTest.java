package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fargatereconciler.aws.DynamoDbLeaseGateway;
import io.fargatereconciler.aws.DynamoDbStateStore;
import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.LeaseSettings;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.JobNotifications;
import io.fargatereconciler.loop.leader.LeaseElection;
import io.fargatereconciler.loop.leader.LeaseTiming;
import io.fargatereconciler.loop.leader.MonotonicInstantSource;
import io.fargatereconciler.loop.state.InMemoryStateStore;
import io.fargatereconciler.loop.state.StateStore;
import io.fargatereconciler.plan.Condition;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.sim.TaskSnapshot;
import io.fargatereconciler.sim.faults.ApiFaults;
import io.fargatereconciler.testing.ConnectionCut;
import io.fargatereconciler.testing.Dynalite;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Acceptance of issue 14: two replicas on one simulator and one dynalite, production planner settings (2 min
 * expectation timeout, so the restart guard would hold a group for 2 minutes). The leader launches copies and is
 * killed abruptly seconds later (its process gone: its DynamoDB connection is cut, it runs no more passes, it releases
 * nothing); after the standby takes over, a copy is stopped from outside. With the launch intents in the state table
 * the survivor counts its predecessor's launches exactly and replaces the copy at once; with state in memory only (no
 * intents to read) it holds the group, and says so. Live copies never exceed the desired count.
 *
 * <p>The lease runs on real (monotonic) time, the loops and the simulator on virtual time driven by this test; the
 * simulated clock stands still while the standby waits out the dead leader's lease.
 */
@QuarkusTest
class FailoverWithLaunchIntentsTest {
    private static final String TABLE = "state";
    private static final LeaseTiming LEASE = new LeaseTiming(
            Duration.ofMillis(3000), Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofMillis(200));
    private static final ResourceKey API = ResourceKey.taskGroup("api");
    private static final int DESIRED = 4;
    private static final Duration REPLACED_WITHIN = Duration.ofSeconds(10);

    @Inject
    EcsConfig ecsConfig;

    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private final List<Replica> replicas = new ArrayList<>();
    private final ReplicaActions actions = new ReplicaActions();
    private SimulatedAccount account;
    private Dynalite dynalite;
    private int maxLive;

    @AfterEach
    void closeEverything() throws Exception {
        for (Replica replica : replicas) {
            replica.election.close();
        }
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
    }

    @Test
    void theSurvivorReplacesACopyStoppedAfterTheLeaderWasKilledWithinSecondsOfTakingOverWithoutOvershoot() {
        Takeover takeover = killTheLeaderSecondsAfterItLaunchedThenStopACopy(true);

        Duration virtual = driveUntilReplaced(takeover);
        long realMillis = (actions.firstRunTaskAt(takeover.survivor.id) - actions.tookLeadAt(takeover.survivor.id))
                / 1_000_000;

        System.out.printf("Failover with launch intents: takeover %d ms after the kill; the stopped copy replaced %d s"
                        + " of simulated time (%d ms of real time) after the takeover; at most %d live of %d%n",
                takeover.takeoverMillis, virtual.toSeconds(), realMillis, maxLive, DESIRED);
        assertThat(virtual).as("replaced after the takeover (simulated time)").isLessThanOrEqualTo(REPLACED_WITHIN);
        assertThat(Duration.ofMillis(realMillis)).as("replaced after the takeover (real time)")
                .isLessThanOrEqualTo(REPLACED_WITHIN);
        driveUntil("every copy runs", Duration.ofSeconds(30), () -> runningCopies() == DESIRED);
        assertThat(account.admin().apiCalls().tasksLaunched()).as("the desired copies and one replacement")
                .isEqualTo(DESIRED + 1);
        assertThat(maxLive).as("live copies at most").isLessThanOrEqualTo(DESIRED);
    }

    @Test
    void withoutRecordedIntentsTheSurvivorHoldsTheGroupAndSaysWhyAndUntilWhen() {
        Takeover takeover = killTheLeaderSecondsAfterItLaunchedThenStopACopy(false);
        Instant tookOverAt = account.clock.instant();
        driveUntil("the survivor plans as leader", Duration.ofSeconds(10),
                () -> takeover.survivor.daemon.status.get(API).isPresent() && actions.runTaskCallsBy(
                        takeover.survivor.id) == 0 && takeover.survivor.daemon.health.lastPassCompletedAt()
                        .filter(at -> !at.isBefore(tookOverAt)).isPresent());

        GroupStatus held = takeover.survivor.daemon.status.get(API).orElseThrow().status();
        Condition progressing = held.condition(Condition.Type.Progressing);
        Duration virtual = driveUntilReplaced(takeover);

        System.out.printf("Failover without launch intents: the stopped copy replaced %d s of simulated time after the"
                + " takeover (restart guard: %s)%n", virtual.toSeconds(), progressing.message());
        assertThat(progressing.reason()).isEqualTo("HeldAfterRestart");
        assertThat(progressing.message()).startsWith("launches held until "
                + tookOverAt.plus(PlannerConfig.DEFAULTS.expectationTimeout()) + " (AFTER_RESTART)");
        assertThat(virtual).as("held for the expectation timeout").isGreaterThanOrEqualTo(Duration.ofMinutes(2));
        assertThat(maxLive).isLessThanOrEqualTo(DESIRED);
    }

    /** What the test set up: who took over, and when it stopped a copy from outside. */
    private record Takeover(Replica survivor, Instant stoppedAt, long takeoverMillis) {
    }

    private Takeover killTheLeaderSecondsAfterItLaunchedThenStopACopy(boolean stateTable) {
        dynalite = closing(Dynalite.start());
        dynalite.createLeaseTable(TABLE);
        account = closing(new SimulatedAccount(ecsConfig, config -> { }));
        account.admin().setApiFaults(ApiFaults.none().withListTasksLag(Duration.ofSeconds(3)));
        account.desire(SimulatedAccount.group("api", DESIRED, "api:1"));
        Replica first = start("replica-1", stateTable);
        Replica second = start("replica-2", stateTable);
        driveUntil("a leader launches the copies", Duration.ofSeconds(20), () -> actions.runTaskCalls() > 0);
        for (int seconds = 0; seconds < 3; seconds++) { // seconds later...
            step(Duration.ofSeconds(1));
        }
        Replica leader = first.election.isLeader() ? first : second;
        Replica survivor = leader == first ? second : first;
        assertThat(actions.runTaskCallsBy(survivor.id)).as("RunTask calls by the standby").isZero();

        // kill -9: the leader's process is gone, the simulated clock stands still until the standby takes over
        long killedAt = System.nanoTime();
        leader.network.cut();
        leader.alive = false;
        await("the standby takes over").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10))
                .until(survivor.election::isLeader);
        long takeoverMillis = (actions.tookLeadAt(survivor.id) - killedAt) / 1_000_000;
        TaskSnapshot victim = account.liveTasks().get(0);
        account.admin().stopTask(victim.taskArn(), "stopped by an operator");
        return new Takeover(survivor, account.clock.instant(), takeoverMillis);
    }

    /** Drives until the survivor sends a RunTask; returns the simulated time from the takeover until then. */
    private Duration driveUntilReplaced(Takeover takeover) {
        Instant[] replacedAt = new Instant[1];
        driveUntil("the survivor replaces the stopped copy", Duration.ofSeconds(60), () -> {
            if (actions.runTaskCallsBy(takeover.survivor.id) > 0 && replacedAt[0] == null) {
                replacedAt[0] = account.clock.instant();
            }
            return replacedAt[0] != null;
        });
        return Duration.between(takeover.stoppedAt, replacedAt[0]);
    }

    private Replica start(String id, boolean stateTable) {
        ConnectionCut network = new ConnectionCut();
        DynamoDbClient client = closing(dynalite.client(network));
        LeaseElection election = new LeaseElection(actions.recording(id, new DynamoDbLeaseGateway(client,
                new LeaseSettings(TABLE, "failover", id, LEASE.lease()))), LEASE, MonotonicInstantSource.startingNow(),
                id);
        StateStore state = stateTable ? new DynamoDbStateStore(client, TABLE, "failover", id) : new InMemoryStateStore();
        Daemon daemon = new Daemon(account, replicas.size() + 40L, gateway -> actions.recording(id, gateway),
                PlannerConfig.DEFAULTS, TestLoopSettings.DEFAULTS, JobNotifications.loggedOnly(), election, state);
        election.start();
        Replica replica = new Replica(id, network, election, daemon);
        replicas.add(replica);
        return replica;
    }

    private void driveUntil(String what, Duration within, BooleanSupplier done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what + "; live " + account.liveTasks().size());
            }
            step(Duration.ofSeconds(1));
        }
    }

    /** Runs the due passes of the live replicas, checking the live copies after each, then moves the clock. */
    private void step(Duration advance) {
        for (Replica replica : List.copyOf(replicas)) {
            if (replica.alive) {
                replica.daemon.loop.runDue();
                checkLive();
            }
        }
        account.advance(advance);
        checkLive();
    }

    private void checkLive() {
        long live = account.liveTasks().stream()
                .filter(task -> API.toString().equals(task.tags().get(Ownership.GROUP_TAG))).count();
        maxLive = Math.max(maxLive, (int) live);
        assertThat(live).as("live copies at %s", account.clock.instant()).isLessThanOrEqualTo(DESIRED);
    }

    private long runningCopies() {
        return account.liveTasks().stream().filter(task -> "RUNNING".equals(task.lastStatus())).count();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeAfter.add(resource);
        return resource;
    }
}
