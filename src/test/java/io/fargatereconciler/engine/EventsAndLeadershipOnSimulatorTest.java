package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fargatereconciler.aws.DynamoDbLeaseGateway;
import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.EventQueueSettings;
import io.fargatereconciler.aws.LeaseSettings;
import io.fargatereconciler.aws.SqsEventQueueGateway;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.LoopEventSink;
import io.fargatereconciler.loop.events.EventIntake;
import io.fargatereconciler.loop.events.EventOutcome;
import io.fargatereconciler.loop.leader.LeaseElection;
import io.fargatereconciler.loop.leader.LeaseTiming;
import io.fargatereconciler.loop.leader.MonotonicInstantSource;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.sim.TaskSnapshot;
import io.fargatereconciler.testing.Dynalite;
import io.fargatereconciler.testing.ElasticMq;
import io.fargatereconciler.testing.TaskStateChangeEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The loop wired to its event intake (simulator events through ElasticMQ) and to a lease election (dynalite), with
 * passes driven on the simulator's virtual time. The resync is 30 minutes, so anything that happens within a minute
 * happened because of an event or a leadership change.
 */
@QuarkusTest
class EventsAndLeadershipOnSimulatorTest {
    private static final TestLoopSettings RARE_RESYNC = new TestLoopSettings(Duration.ofMinutes(30), 0.1);
    private static final LeaseTiming FAST_LEASE = new LeaseTiming(
            Duration.ofMillis(2000), Duration.ofMillis(400), Duration.ofMillis(500), Duration.ofMillis(100));
    private static final ResourceKey API = ResourceKey.taskGroup("api");

    @Inject
    EcsConfig ecsConfig;

    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private SimulatedAccount account;

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
    }

    @Test
    void replacesAStoppedTaskWhenItsEventArrivesWithoutWaitingForTheResync() throws Exception {
        account = started(new SimulatedAccount(ecsConfig, config -> { }));
        account.desire(SimulatedAccount.group("api", 3, "api:1"));
        Daemon daemon = new Daemon(account, 21, gateway -> gateway, PlannerConfig.DEFAULTS, RARE_RESYNC);
        daemon.runFor(Duration.ofMinutes(3));
        assertThat(account.running()).isEqualTo(3);
        EventIntake intake = intakeFor(daemon);
        TaskSnapshot victim = account.liveTasks().get(0);
        Instant killedAt = account.clock.instant();
        assertThat(daemon.loop.nextPassAt()).as("no pass is due for ten minutes but for events")
                .hasValueSatisfying(next -> assertThat(next).isAfter(killedAt.plus(Duration.ofMinutes(10))));
        long launchedBefore = account.admin().apiCalls().tasksLaunched();

        account.admin().killTask(victim.taskArn(), 137);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            daemon.loop.runDue();
            account.advance(Duration.ofSeconds(1));
            return replaced(victim);
        });

        assertThat(Duration.between(killedAt, account.clock.instant())).as("time to replace, virtual")
                .isLessThan(Duration.ofMinutes(1));
        assertThat(intake.counters().count(EventOutcome.NUDGED_GROUP)).isPositive();
        assertThat(account.admin().apiCalls().tasksLaunched() - launchedBefore).isEqualTo(1);
    }

    @Test
    void duplicateAndOutOfOrderEventsLaunchNothingMore() throws Exception {
        account = started(new SimulatedAccount(ecsConfig, config -> { }));
        account.desire(SimulatedAccount.group("api", 3, "api:1"));
        Daemon daemon = new Daemon(account, 22);
        daemon.runFor(Duration.ofMinutes(3));
        ElasticMq sqs = started(ElasticMq.start());
        String url = sqs.createQueue("task-events");
        EventIntake intake = intakeOn(daemon, sqs, url);
        TaskSnapshot victim = account.liveTasks().get(0);
        account.admin().killTask(victim.taskArn(), 137);
        daemon.runFor(Duration.ofMinutes(2));
        assertThat(replaced(victim)).isTrue();
        long launchedBefore = account.admin().apiCalls().tasksLaunched();
        long runTaskCallsBefore = account.admin().apiCalls().calls("ecs:RunTask");

        for (int copy = 0; copy < 3; copy++) {
            sqs.send(url, eventFor(victim, "STOPPED", 9));
            sqs.send(url, eventFor(victim, "RUNNING", 4));
            sqs.send(url, eventFor(victim, "PENDING", 2));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> intake.counters().received() >= 9);
        for (int second = 0; second < 60; second++) {
            daemon.loop.runDue();
            account.advance(Duration.ofSeconds(1));
        }

        assertThat(intake.counters().count(EventOutcome.NUDGED_GROUP)
                + intake.counters().count(EventOutcome.NUDGED_CLUSTER)).as("events that made a pass happen").isPositive();
        assertThat(intake.counters().count(EventOutcome.STALE)).as("duplicates and older versions").isPositive();
        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(launchedBefore);
        assertThat(account.admin().apiCalls().calls("ecs:RunTask")).isEqualTo(runTaskCallsBefore);
        assertThat(account.liveTasks()).hasSize(3);
    }

    @Test
    void aStandbyLaunchesNothingUntilItLeadsAndThenFillsTheGroup() throws Exception {
        Dynalite dynalite = started(Dynalite.start());
        dynalite.createLeaseTable("leases");
        LeaseElection otherReplica = election(dynalite, "replica-a");
        otherReplica.start();
        await().atMost(Duration.ofSeconds(10)).until(otherReplica::isLeader);
        LeaseElection ours = election(dynalite, "replica-b");
        ours.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> ours.leader().isPresent());
        account = started(new SimulatedAccount(ecsConfig, config -> { }));
        account.desire(SimulatedAccount.group("api", 2, "api:1"));
        Daemon standby = new Daemon(account, 23, gateway -> gateway, PlannerConfig.DEFAULTS,
                TestLoopSettings.DEFAULTS, ours);

        standby.runFor(Duration.ofMinutes(2));

        assertThat(ours.isLeader()).isFalse();
        assertThat(account.admin().apiCalls().calls("ecs:RunTask")).as("RunTask calls by a standby").isZero();
        assertThat(standby.status.get(API)).as("a standby still observes and reports").isPresent();
        assertThat(ours.leader()).hasValueSatisfying(leader -> assertThat(leader.replicaId()).isEqualTo("replica-a"));

        otherReplica.close();
        await().atMost(Duration.ofSeconds(10)).until(ours::isLeader);
        standby.runFor(Duration.ofMinutes(2));

        assertThat(account.running()).isEqualTo(2);
        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(2);
    }

    private boolean replaced(TaskSnapshot victim) {
        List<TaskSnapshot> live = account.liveTasks();
        return live.size() == 3 && live.stream().noneMatch(task -> task.taskArn().equals(victim.taskArn()));
    }

    private EventIntake intakeFor(Daemon daemon) {
        ElasticMq sqs = started(ElasticMq.start());
        String url = sqs.createQueue("task-events");
        account.admin().sendEventsToQueue(url);
        closeAfter.add(() -> account.admin().sendEventsToQueue(null));
        return intakeOn(daemon, sqs, url);
    }

    private EventIntake intakeOn(Daemon daemon, ElasticMq sqs, String url) {
        SqsClient client = started(sqs.client());
        LoopEventSink sink = new LoopEventSink(daemon.loop, account::desired);
        EventIntake intake = new EventIntake(new SqsEventQueueGateway(client,
                new EventQueueSettings(url, 10, Duration.ofSeconds(1))), sink, sink, Ownership.DEFAULT_OWNER_ID);
        intake.start();
        closeAfter.add(() -> {
            intake.stop();
            intake.awaitStopped(Duration.ofSeconds(5));
        });
        return intake;
    }

    /** An ECS event for {@code task} as the simulator's cluster would send it. */
    private static String eventFor(TaskSnapshot task, String lastStatus, long version) {
        String clusterArn = task.taskArn().replaceFirst(":task/([^/]+)/.*$", ":cluster/$1");
        return TaskStateChangeEvents.event("victim", lastStatus, version, Ownership.DEFAULT_OWNER_ID)
                .replace(TaskStateChangeEvents.taskArn("victim"), task.taskArn())
                .replace(TaskStateChangeEvents.CLUSTER_ARN, clusterArn);
    }

    private LeaseElection election(Dynalite dynalite, String replicaId) {
        DynamoDbClient client = started(dynalite.client());
        LeaseElection election = new LeaseElection(new DynamoDbLeaseGateway(client,
                new LeaseSettings("leases", "standby-test", replicaId, FAST_LEASE.lease())),
                FAST_LEASE, MonotonicInstantSource.startingNow(), replicaId);
        closeAfter.add(election);
        return election;
    }

    private <T extends AutoCloseable> T started(T resource) {
        closeAfter.add(resource);
        return resource;
    }
}
