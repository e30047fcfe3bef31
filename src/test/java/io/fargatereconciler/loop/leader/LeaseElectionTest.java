package io.fargatereconciler.loop.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fargatereconciler.aws.DynamoDbLeaseGateway;
import io.fargatereconciler.aws.LeaseSettings;
import io.fargatereconciler.testing.ConnectionCut;
import io.fargatereconciler.testing.Dynalite;
import io.fargatereconciler.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Two or more replicas electing a leader through a lease table in dynalite, with real time and short leases. */
class LeaseElectionTest {
    private static final String TABLE = "reconciler-leases";
    private static final LeaseTiming FAST = new LeaseTiming(
            Duration.ofMillis(2000), Duration.ofMillis(400), Duration.ofMillis(500), Duration.ofMillis(100));
    private static Dynalite dynalite;

    private final InstantSource clock = MonotonicInstantSource.startingNow();
    private final List<LeaseElection> elections = new ArrayList<>();
    private final List<DynamoDbClient> clients = new ArrayList<>();
    private String leaseName;

    @BeforeAll
    static void startDynalite() {
        dynalite = Dynalite.start();
        dynalite.createLeaseTable(TABLE);
    }

    @AfterAll
    static void stopDynalite() {
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @AfterEach
    void closeReplicas() {
        elections.forEach(LeaseElection::close);
        clients.forEach(DynamoDbClient::close);
    }

    @Test
    void exactlyOneOfTwoReplicasLeadsAndTheOtherKnowsWhoAndSinceWhen(TestInfo test) {
        leaseName = test.getDisplayName();
        LeaseElection first = replica("replica-a", FAST, clock, new ConnectionCut());
        LeaseElection second = replica("replica-b", FAST, clock, new ConnectionCut());
        first.start();
        second.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> first.isLeader() || second.isLeader());
        Instant until = clock.instant().plusSeconds(3);
        while (clock.instant().isBefore(until)) {
            assertThat(first.isLeader() ^ second.isLeader()).as("exactly one replica leads").isTrue();
        }

        LeaseElection leader = first.isLeader() ? first : second;
        LeaseElection standby = leader == first ? second : first;
        await().atMost(Duration.ofSeconds(2)).until(() -> standby.leader().isPresent());
        assertThat(standby.leader()).contains(leader.leader().orElseThrow());
        assertThat(leader.leader().orElseThrow().replicaId()).isEqualTo(leader.replicaId());
        assertThat(leader.leader().orElseThrow().since()).isBefore(clock.instant());
    }

    @Test
    void standbyTakesOverWithinAboutOneLeaseWhenTheLeaderStopsRenewing(TestInfo test) {
        leaseName = test.getDisplayName();
        ConnectionCut leaderNetwork = new ConnectionCut();
        LeaseElection leader = replica("replica-a", FAST, clock, leaderNetwork);
        leader.start();
        await().atMost(Duration.ofSeconds(5)).until(leader::isLeader);
        LeaseElection standby = replica("replica-b", FAST, clock, new ConnectionCut());
        AtomicReference<Instant> tookOver = new AtomicReference<>();
        standby.addListener(leading -> {
            if (leading) {
                tookOver.compareAndSet(null, clock.instant());
            }
        });
        standby.start();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !standby.isLeader());

        Instant died = clock.instant();
        leaderNetwork.cut();

        await().atMost(Duration.ofSeconds(6)).until(() -> tookOver.get() != null);
        Duration takeover = Duration.between(died, tookOver.get());
        assertThat(takeover).as("not before the dead leader's lease ran out")
                .isGreaterThanOrEqualTo(FAST.lease().minus(FAST.renewEvery()));
        assertThat(takeover).as("about one lease duration")
                .isLessThan(FAST.lease().plus(FAST.renewEvery()).plus(FAST.standbyPoll().multipliedBy(2))
                        .plusMillis(700));
        assertThat(standby.isLeader()).isTrue();
        assertThat(leader.isLeader()).isFalse();
    }

    @Test
    void leaderWhoseLeaseLapsedStopsLeadingBeforeAnotherReplicaTakesOver(TestInfo test) {
        leaseName = test.getDisplayName();
        ConnectionCut leaderNetwork = new ConnectionCut();
        LeaseElection leader = replica("replica-a", FAST, clock, leaderNetwork);
        List<Boolean> leaderReports = new CopyOnWriteArrayList<>();
        leader.addListener(leaderReports::add);
        leader.start();
        await().atMost(Duration.ofSeconds(5)).until(leader::isLeader);
        LeaseElection standby = replica("replica-b", FAST, clock, new ConnectionCut());
        AtomicReference<Instant> tookOver = new AtomicReference<>();
        standby.addListener(leading -> {
            if (leading) {
                tookOver.compareAndSet(null, clock.instant());
            }
        });
        standby.start();

        leaderNetwork.cut();
        Instant stoppedLeading = null;
        Instant deadline = clock.instant().plusSeconds(6);
        while (tookOver.get() == null && clock.instant().isBefore(deadline)) {
            if (stoppedLeading == null && !leader.isLeader()) {
                stoppedLeading = clock.instant();
            }
        }

        assertThat(tookOver.get()).as("the standby took over").isNotNull();
        assertThat(stoppedLeading).as("the old leader stopped counting itself leader").isNotNull();
        assertThat(Duration.between(stoppedLeading, tookOver.get()))
                .as("the old leader stopped leading at least about the safety margin before the takeover")
                .isGreaterThanOrEqualTo(FAST.safetyMargin().dividedBy(2));
        await().atMost(Duration.ofSeconds(2)).until(() -> leaderReports.contains(false));
        assertThat(leaderReports).containsExactly(false, true, false);
    }

    @Test
    void gracefulShutdownReleasesTheLeaseForAnImmediateTakeover(TestInfo test) {
        leaseName = test.getDisplayName();
        LeaseElection leader = replica("replica-a", FAST, clock, new ConnectionCut());
        leader.start();
        await().atMost(Duration.ofSeconds(5)).until(leader::isLeader);
        LeaseElection standby = replica("replica-b", FAST, clock, new ConnectionCut());
        standby.start();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !standby.isLeader());

        Instant released = clock.instant();
        leader.close();
        await().atMost(FAST.lease()).until(standby::isLeader);

        assertThat(leader.isLeader()).isFalse();
        assertThat(Duration.between(released, clock.instant()))
                .as("released leases are taken at the standby's next attempt, not after a lease duration")
                .isLessThan(FAST.lease().dividedBy(2));
    }

    @Test
    void leaseCountsAsExpiredByTheLocalClockWithTheSafetyMargin(TestInfo test) {
        leaseName = test.getDisplayName();
        ManualClock manual = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
        ConnectionCut network = new ConnectionCut();
        LeaseTiming slowRenewal = new LeaseTiming(Duration.ofSeconds(20), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofMillis(100));
        LeaseElection replica = replica("replica-a", slowRenewal, manual, network);
        replica.start();
        await().atMost(Duration.ofSeconds(5)).until(replica::isLeader);
        network.cut();

        manual.advance(Duration.ofSeconds(14));
        assertThat(replica.isLeader()).as("14 s into a 20 s lease with a 5 s margin").isTrue();
        replica.ensureLeader();

        manual.advance(Duration.ofSeconds(1));
        assertThat(replica.isLeader()).as("15 s: lease minus safety margin has passed").isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(replica::ensureLeader)
                .isInstanceOf(NotLeaderException.class)
                .hasMessageContaining("replica-a does not hold a valid leader lease");
    }

    private LeaseElection replica(String id, LeaseTiming timing, InstantSource replicaClock, ConnectionCut network) {
        DynamoDbClient client = dynalite.client(network);
        clients.add(client);
        LeaseElection election = new LeaseElection(
                new DynamoDbLeaseGateway(client, new LeaseSettings(TABLE, leaseName, id, timing.lease())),
                timing, replicaClock, id);
        elections.add(election);
        return election;
    }
}
