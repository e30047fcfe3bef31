package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
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
import io.fargatereconciler.plan.job.JobRunRecord;
import io.fargatereconciler.plan.job.JobRunResult;
import io.fargatereconciler.sim.faults.FaultModel;
import io.fargatereconciler.sim.faults.TaskBehaviour;
import io.fargatereconciler.sim.sns.RecordedSnsMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
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

    private SimulatedAccount account;
    private SnsClient sns;

    @AfterEach
    void close() {
        if (sns != null) {
            sns.close();
        }
        if (account != null) {
            account.close();
        }
    }

    private static Job nightly(CompleteWhen completeWhen) {
        TaskSpec spec = new TaskSpec(SimulatedAccount.CLUSTER, "api:1", null, null, null,
                new Network(SimulatedAccount.SUBNETS, List.of(), false), null, null, null, false, null,
                new Notifications(TOPIC_ARN, Set.of(NotificationEvent.JobSucceeded, NotificationEvent.JobFailed)));
        return new Job(new Metadata("nightly", null), new SourceLocation("jobs.yaml", 1, 1), spec, "0 0 * * *",
                ZoneId.of("UTC"), 6, ConcurrencyPolicy.Forbid, null, completeWhen, false, 3, 3);
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
