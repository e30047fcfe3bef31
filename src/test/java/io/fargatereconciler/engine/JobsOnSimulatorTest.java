package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fargatereconciler.aws.DynamoDbLeaseGateway;
import io.fargatereconciler.aws.DynamoDbStateStore;
import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.LeaseSettings;
import io.fargatereconciler.aws.SnsNotifier;
import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.ConcurrencyPolicy;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.NotificationEvent;
import io.fargatereconciler.desired.Notifications;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.loop.JobNotifications;
import io.fargatereconciler.loop.JobReport;
import io.fargatereconciler.loop.leader.LeaseElection;
import io.fargatereconciler.loop.leader.LeaseTiming;
import io.fargatereconciler.loop.leader.MonotonicInstantSource;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.plan.job.JobRunRecord;
import io.fargatereconciler.plan.job.JobRunResult;
import io.fargatereconciler.sim.faults.ApiFaults;
import io.fargatereconciler.sim.faults.FaultModel;
import io.fargatereconciler.sim.faults.TaskBehaviour;
import io.fargatereconciler.sim.sns.RecordedSnsMessage;
import io.fargatereconciler.testing.Dynalite;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Jobs end to end on the simulator's virtual time (it starts 2025-01-01T00:00Z, when the nightly job below is due):
 * the real gateway, observer, planner and loop, notifications through SNS Publish to the simulator.
 */
@QuarkusTest
class JobsOnSimulatorTest {
    private static final String TOPIC = "job-alerts";
    private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:" + TOPIC;

    @Inject
    EcsConfig ecsConfig;

    private static final String STATE_TABLE = "state";
    private static final LeaseTiming LEASE = new LeaseTiming(
            Duration.ofMillis(3000), Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofMillis(200));

    private SimulatedAccount account;
    private SnsClient sns;
    private Dynalite dynalite;
    private DynamoDbClient dynamo;
    private final List<LeaseElection> elections = new ArrayList<>();

    @AfterEach
    void close() {
        elections.forEach(LeaseElection::close);
        if (dynamo != null) {
            dynamo.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
        if (sns != null) {
            sns.close();
        }
        if (account != null) {
            account.close();
        }
    }

    private static Job nightly(CompleteWhen completeWhen) {
        return nightly(completeWhen, SimulatedAccount.SUBNETS);
    }

    private static Job nightly(CompleteWhen completeWhen, List<String> subnets) {
        return job("0 0 * * *", completeWhen, subnets);
    }

    /** A Job without schedule: one run per spec. */
    private static Job oneOff() {
        return job(null, CompleteWhen.Succeeded, SimulatedAccount.SUBNETS);
    }

    private static Job job(String schedule, CompleteWhen completeWhen, List<String> subnets) {
        TaskSpec spec = new TaskSpec(SimulatedAccount.CLUSTER, "api:1", null, null, null,
                new Network(subnets, List.of(), false), null, null, null, false, null,
                new Notifications(TOPIC_ARN, Set.of(NotificationEvent.JobSucceeded, NotificationEvent.JobFailed)));
        return new Job(new Metadata("nightly", null), new SourceLocation("jobs.yaml", 1, 1), spec, schedule,
                ZoneId.of("UTC"), 6, ConcurrencyPolicy.Forbid, null, completeWhen, false, 3, 3);
    }

    /**
     * A daemon as deployed with a state table: it leads through the lease in dynalite (so each daemon is a new leader
     * term) and keeps the run ledger there.
     */
    private Daemon durableDaemon(String replica, long seed) {
        if (dynalite == null) {
            dynalite = Dynalite.start();
            dynalite.createLeaseTable(STATE_TABLE);
            dynamo = dynalite.client();
        }
        LeaseElection election = new LeaseElection(new DynamoDbLeaseGateway(dynamo,
                new LeaseSettings(STATE_TABLE, "jobs", replica, LEASE.lease())), LEASE,
                MonotonicInstantSource.startingNow(), replica);
        elections.add(election);
        election.start();
        await().atMost(Duration.ofSeconds(10)).until(election::isLeader);
        daemonNotifyingOverSns(seed); // creates the SNS client
        return new Daemon(account, seed, gateway -> gateway, PlannerConfig.DEFAULTS, TestLoopSettings.DEFAULTS,
                new JobNotifications(new SnsNotifier(sns), Optional.empty()), election,
                new DynamoDbStateStore(dynamo, STATE_TABLE, "jobs", replica));
    }

    /** The durable daemon stops (its process ends: the test runs no more of its passes) and releases its lease. */
    private void stopTheLeader() {
        elections.forEach(LeaseElection::close);
        elections.clear();
    }

    private Daemon daemonNotifyingOverSns(long seed) {
        if (sns == null) {
            sns = SnsClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(account.simulator.endpoint()).region(Region.of("eu-west-1"))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sim", "sim")))
                    .build();
        }
        return new Daemon(account, seed, new JobNotifications(new SnsNotifier(sns), Optional.empty()));
    }

    private List<RecordedSnsMessage> notifications() {
        return account.admin().snsMessages().stream().filter(m -> TOPIC_ARN.equals(m.topicArn())).toList();
    }

    private static JobRunRecord onlyRun(Daemon daemon) {
        JobReport report = daemon.jobs.get(ResourceKey.job("nightly")).orElseThrow();
        assertThat(report.status().history()).hasSize(1);
        return report.status().history().get(0);
    }

    @Test
    void aJobWhoseFirstThreeStartsHitEniTimeoutsRunsOnTheFourthTryWithOneSuccessNotification() {
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC));
        account.desire(nightly(CompleteWhen.Running));
        SimulatedAccount.SUBNETS.forEach(subnet -> account.admin().startEniOutage(subnet));
        AtomicBoolean outage = new AtomicBoolean(true);
        Daemon daemon = daemonNotifyingOverSns(21);

        daemon.runFor(Duration.ofMinutes(40), Duration.ofSeconds(1), () -> {
            long failedStarts = account.admin().tasks(SimulatedAccount.CLUSTER).stream()
                    .filter(task -> "STOPPED".equals(task.desiredStatus())).count();
            if (outage.get() && failedStarts == 3) { // the recipe's three tries are spent: the network recovers
                SimulatedAccount.SUBNETS.forEach(subnet -> account.admin().endEniOutage(subnet));
                outage.set(false);
            }
        });

        assertThat(outage).as("three starts stalled in PROVISIONING (stopped before ECS's ENI timeout)").isFalse();
        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(4);
        assertThat(account.running()).isEqualTo(1);
        JobRunRecord run = onlyRun(daemon);
        assertThat(run.result()).isEqualTo(JobRunResult.Succeeded);
        assertThat(run.attempts()).isEqualTo(4);
        assertThat(run.startFailures()).isEqualTo(3);
        assertThat(run.taskFailures()).isZero();
        assertThat(notifications()).singleElement().satisfies(message -> {
            assertThat(message.subject()).isEqualTo("fargate-reconciler: Job nightly run succeeded");
            assertThat(message.message()).contains("\"event\":\"JobSucceeded\"", "\"attempts\":4", "\"startFailures\":3");
        });
        assertThat(daemon.meters.counter("reconciler.job.runs", "job", "nightly", "result", "Succeeded").count())
                .isEqualTo(1);
        assertThat(daemon.meters.counter("reconciler.job.attempts.failed", "job", "nightly", "kind", "start").count())
                .isEqualTo(3);
    }

    @Test
    void aDaemonRestartInTheMiddleOfARunDoesNotStartASecondCopy() {
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC)
                .faults(FaultModel.none().withTasks(List.of(TaskBehaviour.exits("api", Duration.ofMinutes(10), 0)))));
        account.desire(nightly(CompleteWhen.Succeeded));
        Daemon first = daemonNotifyingOverSns(22);
        first.runFor(Duration.ofMinutes(4));
        assertThat(account.running()).as("the run's task is RUNNING when the daemon dies").isEqualTo(1);

        Daemon restarted = daemonNotifyingOverSns(23);
        restarted.runFor(Duration.ofMinutes(20));

        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(1);
        JobRunRecord run = onlyRun(restarted);
        assertThat(run.result()).isEqualTo(JobRunResult.Succeeded);
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(notifications()).singleElement()
                .satisfies(message -> assertThat(message.subject()).endsWith("run succeeded"));
    }

    @Test
    void aOneOffJobThatFinishedIsNotRunAgainNorNotifiedAgainByADaemonStartedHoursLater() {
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC)
                .faults(FaultModel.none().withTasks(List.of(TaskBehaviour.exits("api", Duration.ofMinutes(5), 0)))));
        account.desire(oneOff());
        Daemon first = durableDaemon("replica-1", 31);
        first.runFor(Duration.ofMinutes(15));
        assertThat(onlyRun(first).result()).isEqualTo(JobRunResult.Succeeded);
        stopTheLeader();

        // ECS forgets a clientToken an hour after its task stopped, and ListTasks no longer shows the task
        account.advance(Duration.ofHours(3));
        Daemon restarted = durableDaemon("replica-2", 32);
        restarted.runFor(Duration.ofMinutes(15));

        assertThat(account.admin().apiCalls().calls("ecs:RunTask")).as("not even re-sent").isEqualTo(1);
        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(1);
        assertThat(onlyRun(restarted).result()).as("the history comes back from the ledger")
                .isEqualTo(JobRunResult.Succeeded);
        assertThat(notifications()).singleElement()
                .satisfies(message -> assertThat(message.subject()).endsWith("run succeeded"));
    }

    @Test
    void withoutAStateTableAOneOffJobFinishedHoursBeforeARestartRunsAgain() {
        // the limit the run ledger removes: a daemon whose state was in memory cannot tell the run ever happened
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC)
                .faults(FaultModel.none().withTasks(List.of(TaskBehaviour.exits("api", Duration.ofMinutes(5), 0)))));
        account.desire(oneOff());
        daemonNotifyingOverSns(35).runFor(Duration.ofMinutes(15));

        account.advance(Duration.ofHours(3));
        daemonNotifyingOverSns(36).runFor(Duration.ofMinutes(15));

        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(2);
    }

    @Test
    void aScheduledRunStillRetryingWhenTheDaemonRestartsOverAnHourLateIsNeitherLostNorDoubled() {
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC));
        account.desire(nightly(CompleteWhen.Running));
        SimulatedAccount.SUBNETS.forEach(subnet -> account.admin().startEniOutage(subnet));
        Runnable atMostOneLiveTask = () -> assertThat(account.liveTasks()).as("live tasks of the job at %s",
                account.clock.instant()).hasSizeLessThanOrEqualTo(1);
        Daemon first = durableDaemon("replica-1", 33);
        first.runFor(Duration.ofMinutes(70), Duration.ofSeconds(1), atMostOneLiveTask);
        long failedBeforeRestart = account.admin().tasks(SimulatedAccount.CLUSTER).stream()
                .filter(task -> "STOPPED".equals(task.lastStatus())).count();
        assertThat(failedBeforeRestart).as("starts failed on ENI timeouts for 70 minutes").isGreaterThan(3);
        stopTheLeader();

        // given a restart 70 minutes after the scheduled time: past the hour ECS surely remembers a token
        Daemon restarted = durableDaemon("replica-2", 34);
        restarted.runFor(Duration.ofMinutes(5), Duration.ofSeconds(1), atMostOneLiveTask);
        SimulatedAccount.SUBNETS.forEach(subnet -> account.admin().endEniOutage(subnet));
        restarted.runFor(Duration.ofMinutes(30), Duration.ofSeconds(1), atMostOneLiveTask);

        JobRunRecord run = onlyRun(restarted);
        assertThat(run.result()).as(run.reason()).isEqualTo(JobRunResult.Succeeded);
        assertThat(run.scheduledTime()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(run.startFailures()).as("the attempts before the restart count too")
                .isGreaterThanOrEqualTo((int) failedBeforeRestart);
        assertThat(account.admin().tasks(SimulatedAccount.CLUSTER).stream()
                .filter(task -> task.startedAt() != null)).as("tasks that reached RUNNING").hasSize(1);
        assertThat(notifications()).singleElement()
                .satisfies(message -> assertThat(message.subject()).endsWith("run succeeded"));
    }

    @Test
    void aRestartedDaemonWhoseResentAttemptConflictsFollowsTheTaskEcsNamesInsteadOfGivingUp() {
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC)
                .faults(FaultModel.none().withTasks(List.of(TaskBehaviour.exits("api", Duration.ofMinutes(10), 0)))));
        account.admin().setApiFaults(ApiFaults.none().withListTasksLag(Duration.ofMinutes(2)));
        account.desire(nightly(CompleteWhen.Succeeded));
        Daemon first = daemonNotifyingOverSns(26);
        first.runFor(Duration.ofSeconds(30));
        assertThat(account.admin().apiCalls().tasksLaunched()).as("attempt 1 sent by the first daemon").isEqualTo(1);

        // given a restarted daemon that sends the attempt into other subnets (here: the spec lists them the other way
        // round) while ListTasks does not show the task yet, so ECS answers its re-sent token with ConflictException
        account.desire(nightly(CompleteWhen.Succeeded,
                List.of(SimulatedAccount.SUBNETS.get(1), SimulatedAccount.SUBNETS.get(0))));
        Daemon restarted = daemonNotifyingOverSns(27);
        restarted.runFor(Duration.ofMinutes(20));

        assertThat(account.admin().apiCalls().calls("ecs:RunTask")).as("the first send and the conflicting re-send")
                .isEqualTo(2);
        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(1);
        JobRunRecord run = onlyRun(restarted);
        assertThat(run.result()).as(run.reason()).isEqualTo(JobRunResult.Succeeded);
        assertThat(run.attempts()).isEqualTo(1);
        assertThat(notifications()).singleElement()
                .satisfies(message -> assertThat(message.subject()).endsWith("run succeeded"));
    }

    @Test
    void aDaemonRestartedSoonAfterARunEndedDoesNotRunItAgain() {
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC)
                .faults(FaultModel.none().withTasks(List.of(TaskBehaviour.exits("api", Duration.ofMinutes(5), 0)))));
        account.desire(nightly(CompleteWhen.Succeeded));
        Daemon first = daemonNotifyingOverSns(24);
        first.runFor(Duration.ofMinutes(15));
        assertThat(onlyRun(first).result()).isEqualTo(JobRunResult.Succeeded);

        Daemon restarted = daemonNotifyingOverSns(25); // 00:15: the 00:00 run is within the restart catch-up hour
        restarted.runFor(Duration.ofMinutes(15));

        assertThat(account.admin().apiCalls().tasksLaunched()).isEqualTo(1);
        assertThat(account.admin().apiCalls().calls("ecs:RunTask")).as("the run's clientToken was sent again")
                .isEqualTo(2);
        assertThat(onlyRun(restarted).result()).isEqualTo(JobRunResult.Succeeded);
    }
}
