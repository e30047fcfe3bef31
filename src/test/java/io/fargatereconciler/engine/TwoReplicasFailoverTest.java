package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.DynamoDbLeaseGateway;
import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.LeaseSettings;
import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.loop.leader.LeaseElection;
import io.fargatereconciler.loop.leader.LeaseTiming;
import io.fargatereconciler.loop.leader.MonotonicInstantSource;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance of issue 9: two daemons against one simulator and one dynalite, each with the real lease client and a
 * 3 s lease. Only the leader launches (every RunTask is recorded by the gateway of the replica that sent it, with the
 * real time it was sent); killing the leader abruptly (its DynamoDB connection is cut: no more heartbeats, no
 * release) hands over within the lease time; over rounds of task kills and leader kills, no group ever has more live
 * tasks than replicas + maxSurge and every group converges.
 *
 * <p>Two kinds of leader kill alternate. A <b>crash</b>: the leader's process is gone (its loop is not run again) right
 * after it launched replacements, and the simulator's clock stands still until the standby takes over, so the new
 * leader plans against a ListTasks that does not show those launches yet (the simulator lags ListTasks by 3 s): the
 * clientTokens and the restart guard must keep it from launching them a second time. A <b>partition</b>: the leader
 * loses only DynamoDB and keeps running passes while simulated time moves on and more tasks are killed; once its lease
 * has lapsed it must act on nothing, and it must never act after the other replica took the lease.
 *
 * <p>The lease runs on real (monotonic) time, the loops and the simulator on virtual time driven by this test: each
 * step runs the due passes of the live replicas, checks the live counts, and moves the clock one second (or not at all
 * while a crashed leader's lease runs out).
 */
@QuarkusTest
class TwoReplicasFailoverTest {
    private static final LeaseTiming LEASE = new LeaseTiming(
            Duration.ofMillis(3000), Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofMillis(200));
    /** The standby needs one whole lease without renewals, seen between its polls; slack for a loaded machine. */
    private static final Duration TAKEOVER_LIMIT = LEASE.lease().plus(LEASE.renewEvery())
            .plus(LEASE.standbyPoll().multipliedBy(2)).plus(Duration.ofMillis(1500));
    private static final TestLoopSettings TEN_SECOND_RESYNC = new TestLoopSettings(Duration.ofSeconds(10), 0.1);
    private static final Map<String, Integer> GROUPS = Map.of("api", 4, "worker", 3);
    private static final int ROUNDS = 4;
    private static final Duration STEP_PAUSE = Duration.ofMillis(5);

    @Inject
    EcsConfig ecsConfig;

    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private final List<Replica> replicas = new ArrayList<>();
    private final ReplicaActions actions = new ReplicaActions();
    private SimulatedAccount account;
    private Dynalite dynalite;
    private int maxLiveAboveDesired = Integer.MIN_VALUE;
    private int seed = 100;

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
    void onlyTheLeaderLaunchesAndEveryGroupConvergesThroughRepeatedLeaderKillsWithoutOvershoot() {
        dynalite = closing(Dynalite.start());
        dynalite.createLeaseTable("leases");
        account = closing(new SimulatedAccount(ecsConfig, config -> { }));
        account.admin().setApiFaults(ApiFaults.none().withListTasksLag(Duration.ofSeconds(3)));
        account.desire(GROUPS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(group -> SimulatedAccount.group(group.getKey(), group.getValue(), "api:1"))
                .toArray(DesiredResource[]::new));
        Replica first = start("replica-1");
        Replica second = start("replica-2");

        driveUntil("a leader fills every group", Duration.ofSeconds(30), Duration.ofSeconds(1), this::converged);
        Replica leader = currentLeader();
        Replica standby = leader == first ? second : first;
        assertThat(actions.runTaskCallsBy(standby.id)).as("RunTask calls by the standby").isZero();
        assertThat(actions.runTaskCallsBy(leader.id)).as("RunTask calls by the leader").isPositive();
        int kills = 0;
        List<Duration> takeovers = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            boolean crash = round % 2 == 0;
            long launchedBefore = actions.runTaskCalls();
            kills += killOneTaskPerGroup();
            driveUntil("the leader launches replacements", Duration.ofSeconds(20), Duration.ofSeconds(1),
                    () -> actions.runTaskCalls() > launchedBefore);
            Replica killed = currentLeader();
            long killedAt = System.nanoTime();
            killed.network.cut();
            if (crash) {
                killed.alive = false;
                driveUntil("a standby takes over from the crashed leader", TAKEOVER_LIMIT.plusSeconds(5),
                        Duration.ZERO, () -> leaderOtherThan(killed));
            } else {
                driveUntil("the partitioned leader stops counting itself leader", TAKEOVER_LIMIT,
                        Duration.ofSeconds(1), () -> !killed.election.isLeader());
                long lapsedAt = System.nanoTime();
                Instant killedAfterItLapsed = account.clock.instant();
                kills += killOneTaskPerGroup();
                driveUntil("a standby takes over from the partitioned leader", TAKEOVER_LIMIT.plusSeconds(5),
                        Duration.ofSeconds(1), () -> leaderOtherThan(killed));
                driveUntil("the partitioned leader runs a pass that sees the killed tasks", Duration.ofSeconds(10),
                        Duration.ofSeconds(1), () -> killed.daemon.health.lastPassCompletedAt()
                                .filter(at -> at.isAfter(killedAfterItLapsed)).isPresent());
                assertThat(actions.callsBy(killed.id, lapsedAt)).as("calls by %s after its lease lapsed", killed.id)
                        .isEmpty();
            }
            Replica successor = currentLeader();
            takeovers.add(Duration.ofNanos(actions.tookLeadAt(successor.id) - killedAt));

            driveUntil("every group converges under the new leader", Duration.ofSeconds(30), Duration.ofSeconds(1),
                    this::converged);
            if (crash) {
                killed.election.close();
                start("replica-" + (replicas.size() + 1));
            } else {
                killed.network.restore();
            }
            driveUntil("the other replica stands by", Duration.ofSeconds(10), Duration.ofSeconds(1),
                    () -> replicas.stream().filter(r -> r.alive).count() == 2 && converged());
        }

        System.out.printf("Two replicas, %d leader kills, %d task kills: takeovers %s (limit %d ms), live tasks at"
                        + " most %+d against desired, %d RunTask calls started %d tasks%n", ROUNDS, kills,
                takeovers.stream().map(d -> d.toMillis() + " ms").toList(), TAKEOVER_LIMIT.toMillis(),
                maxLiveAboveDesired, actions.runTaskCalls(), account.admin().apiCalls().tasksLaunched());
        assertThat(takeovers).as("each takeover within the lease time")
                .allSatisfy(takeover -> assertThat(takeover).isLessThanOrEqualTo(TAKEOVER_LIMIT));
        assertThat(actions.callsOutsideOwnTerm()).as("RunTask/StopTask calls by a replica after another took the lease")
                .isEmpty();
        assertThat(account.admin().apiCalls().tasksLaunched()).as("one launch per desired copy and per killed task")
                .isEqualTo(GROUPS.values().stream().mapToInt(Integer::intValue).sum() + kills);
        assertThat(converged()).isTrue();
    }

    private Replica start(String id) {
        ConnectionCut network = new ConnectionCut();
        LeaseElection election = new LeaseElection(actions.recording(id, new DynamoDbLeaseGateway(
                closing(dynalite.client(network)), new LeaseSettings("leases", "failover-test", id, LEASE.lease()))),
                LEASE, MonotonicInstantSource.startingNow(), id);
        Daemon daemon = new Daemon(account, seed++, gateway -> actions.recording(id, gateway), PlannerConfig.DEFAULTS,
                TEN_SECOND_RESYNC, election);
        election.start();
        Replica replica = new Replica(id, network, election, daemon);
        replicas.add(replica);
        return replica;
    }

    /**
     * Steps until {@code done} holds, failing after {@code within} of real time. Each step runs the due passes of the
     * live replicas, checks the live counts after each, then moves the simulated clock by {@code advance}.
     */
    private void driveUntil(String what, Duration within, Duration advance, BooleanSupplier done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what + "; live tasks " + liveByGroup()
                        + ", leaders " + replicas.stream().filter(r -> r.election.isLeader()).map(r -> r.id).toList());
            }
            for (Replica replica : List.copyOf(replicas)) {
                if (replica.alive) {
                    replica.daemon.loop.runDue();
                    assertNoOvershoot();
                }
            }
            account.advance(advance);
            assertNoOvershoot();
            pause();
        }
    }

    private void assertNoOvershoot() {
        Map<String, Long> live = liveByGroup();
        GROUPS.forEach((group, desired) -> {
            long count = live.getOrDefault(ResourceKey.taskGroup(group).toString(), 0L);
            maxLiveAboveDesired = Math.max(maxLiveAboveDesired, (int) count - desired);
            assertThat(count).as("live tasks of %s (desired %d, maxSurge %d) at %s", group, desired,
                    RolloutPolicy.DEFAULT.maxSurge(), account.clock.instant())
                    .isLessThanOrEqualTo(desired + RolloutPolicy.DEFAULT.maxSurge());
        });
    }

    private boolean converged() {
        List<TaskSnapshot> live = account.liveTasks();
        return replicas.stream().anyMatch(r -> r.alive && r.election.isLeader())
                && GROUPS.entrySet().stream().allMatch(group -> {
                    String key = ResourceKey.taskGroup(group.getKey()).toString();
                    List<TaskSnapshot> ofGroup = live.stream()
                            .filter(task -> key.equals(task.tags().get(Ownership.GROUP_TAG))).toList();
                    return ofGroup.size() == group.getValue()
                            && ofGroup.stream().allMatch(task -> "RUNNING".equals(task.lastStatus()));
                });
    }

    private Map<String, Long> liveByGroup() {
        return account.liveTasks().stream().collect(Collectors.groupingBy(
                task -> String.valueOf(task.tags().get(Ownership.GROUP_TAG)), Collectors.counting()));
    }

    /** Kills the longest-running task of every group; returns how many were killed. */
    private int killOneTaskPerGroup() {
        int killed = 0;
        for (String group : GROUPS.keySet()) {
            String key = ResourceKey.taskGroup(group).toString();
            var victim = account.liveTasks().stream().filter(task -> key.equals(task.tags().get(Ownership.GROUP_TAG)))
                    .filter(task -> "RUNNING".equals(task.lastStatus()))
                    .min(Comparator.comparing(TaskSnapshot::startedAt));
            if (victim.isPresent() && account.admin().killTask(victim.get().taskArn(), 137)) {
                killed++;
            }
        }
        return killed;
    }

    private Replica currentLeader() {
        return replicas.stream().filter(r -> r.alive && r.election.isLeader()).findFirst()
                .orElseThrow(() -> new AssertionError("no live replica leads"));
    }

    private boolean leaderOtherThan(Replica killed) {
        return replicas.stream().anyMatch(r -> r != killed && r.alive && r.election.isLeader());
    }

    private static void pause() {
        try {
            Thread.sleep(STEP_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeAfter.add(resource);
        return resource;
    }
}
