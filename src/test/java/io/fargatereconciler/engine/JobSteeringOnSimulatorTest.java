package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.EcsGateway;
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
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.job.JobRunRecord;
import io.fargatereconciler.plan.job.JobRunResult;
import io.fargatereconciler.sim.TaskSnapshot;
import io.fargatereconciler.sim.faults.FaultModel;
import io.fargatereconciler.sim.faults.TaskBehaviour;
import io.fargatereconciler.sim.sns.RecordedSnsMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Job launches steered around an ENI outage on the simulator's virtual time (it starts 2025-01-01T00:00Z, when the
 * hourly job below is due): the real gateway, observer, subnet-health tracker, planner and loop; the RunTask requests
 * are recorded on their way to the simulator.
 */
@QuarkusTest
class JobSteeringOnSimulatorTest {
    private static final String TOPIC = "job-alerts";
    private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:" + TOPIC;
    private static final String BROKEN = SimulatedAccount.SUBNETS.get(1); // where the seeded first pick lands
    private static final String HEALTHY = SimulatedAccount.SUBNETS.get(0);

    @Inject
    EcsConfig ecsConfig;

    private SimulatedAccount account;
    private SnsClient sns;
    private final List<Launch> launches = new ArrayList<>();

    @AfterEach
    void close() {
        if (sns != null) {
            sns.close();
        }
        if (account != null) {
            account.close();
        }
    }

    @Test
    void aScheduledRunHittingAnEniOutageInOneSubnetStartsInTheOtherAndRunsUseBothAgainAfterIt() {
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC)
                .faults(FaultModel.none().withTasks(List.of(TaskBehaviour.exits("api", Duration.ofMinutes(5), 0)))));
        account.desire(hourly("0 * * * *"));
        account.admin().startEniOutage(BROKEN);
        Daemon daemon = daemon(31, TestSubnetSettings.DEFAULTS);

        daemon.runFor(Duration.ofMinutes(30));

        List<TaskSnapshot> tasks = tasks();
        assertThat(tasks.get(0).subnetId()).as("precondition: the first start landed in the broken subnet")
                .isEqualTo(BROKEN);
        JobRunRecord run = onlyRun(daemon);
        assertThat(run.result()).isEqualTo(JobRunResult.Succeeded);
        assertThat(run.startFailures()).as("failed starts before the run got going").isBetween(1, 3);
        assertThat(tasks).last().satisfies(task -> assertThat(task.subnetId()).isEqualTo(HEALTHY));
        Instant firstFailureAt = tasks.get(0).stoppedAt();
        assertThat(launchesOf("2025-01-01T00:00:00Z").stream().skip(1))
                .as("every retry avoided the broken subnet").isNotEmpty()
                .allSatisfy(launch -> assertThat(launch.subnets()).containsExactly(HEALTHY));
        assertThat(tasks.stream().filter(task -> task.createdAt().isAfter(firstFailureAt)))
                .as("nothing placed in the broken subnet once its failure was seen")
                .allSatisfy(task -> assertThat(task.subnetId()).isEqualTo(HEALTHY));
        assertThat(notifications()).singleElement().satisfies(message -> {
            assertThat(message.subject()).isEqualTo("fargate-reconciler: Job hourly run succeeded");
            assertThat(message.message()).contains("\"event\":\"JobSucceeded\"");
        });
        assertThat(account.admin().apiCalls().calls("ecs:RunTask")).as("no RunTask answered with a conflict or resent")
                .isEqualTo(run.attempts());

        account.admin().endEniOutage(BROKEN);
        daemon.runFor(Duration.ofHours(3));

        for (String time : List.of("2025-01-01T01:00:00Z", "2025-01-01T02:00:00Z", "2025-01-01T03:00:00Z")) {
            assertThat(launchesOf(time)).as("run %s after the outage", time).singleElement()
                    .satisfies(launch -> assertThat(launch.subnets()).containsExactlyInAnyOrderElementsOf(
                            SimulatedAccount.SUBNETS));
        }
        assertThat(daemon.jobs.get(ResourceKey.job("hourly")).orElseThrow().status().history())
                .hasSize(4).filteredOn(record -> !record.run().scheduledTime().equals(Instant.parse("2025-01-01T00:00:00Z")))
                .hasSize(3).allSatisfy(record -> {
                    assertThat(record.result()).isEqualTo(JobRunResult.Succeeded);
                    assertThat(record.attempts()).isEqualTo(1);
                });
        assertThat(notifications()).hasSize(4);
    }

    @Test
    void steeredRunsFailFewerStartsThanBlindRetriesThroughALongOutage() {
        Outcome steered = outage(TestSubnetSettings.DEFAULTS);
        account.close();
        Outcome blind = outage(TestSubnetSettings.NO_STEERING);

        System.out.printf("Job every 10 min, ENI outage in 1 of 2 subnets for 2 h: with steering %d of %d runs "
                + "succeeded, %d failed starts, at most %d in one run; without: %d of %d succeeded (the rest skipped: "
                + "the run before was still retrying), %d failed starts, at most %d in one run%n", steered.succeeded(),
                steered.runs(), steered.failedStarts(), steered.mostInOneRun(), blind.succeeded(), blind.runs(),
                blind.failedStarts(), blind.mostInOneRun());
        assertThat(steered.succeeded()).as("every run succeeded").isEqualTo(steered.runs()).isEqualTo(12);
        assertThat(steered.mostInOneRun()).as("a run meets the broken subnet at most once").isLessThanOrEqualTo(1);
        assertThat(steered.failedStarts()).isLessThan(blind.failedStarts());
        assertThat(steered.succeeded()).isGreaterThanOrEqualTo(blind.succeeded());
    }

    private record Outcome(int runs, int succeeded, int failedStarts, int mostInOneRun) {
    }

    private Outcome outage(TestSubnetSettings settings) {
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC)
                .faults(FaultModel.none().withTasks(List.of(TaskBehaviour.exits("api", Duration.ofMinutes(2), 0)))));
        account.desire(hourly("*/10 * * * *"));
        account.admin().startEniOutage(BROKEN);
        Daemon daemon = daemon(32, settings);
        daemon.runFor(Duration.ofMinutes(118));
        List<JobRunRecord> runs = daemon.jobs.get(ResourceKey.job("hourly")).orElseThrow().status().history();
        int succeeded = (int) runs.stream().filter(run -> run.result() == JobRunResult.Succeeded).count();
        int failed = (int) tasks().stream().filter(task -> task.subnetId().equals(BROKEN)).count();
        int most = runs.stream().mapToInt(JobRunRecord::startFailures).max().orElse(0);
        return new Outcome(runs.size(), succeeded, failed, most);
    }

    private Job hourly(String schedule) {
        TaskSpec spec = new TaskSpec(SimulatedAccount.CLUSTER, "api:1", null, null, null,
                new Network(SimulatedAccount.SUBNETS, List.of(), false), null, null, null, false, null,
                new Notifications(TOPIC_ARN, Set.of(NotificationEvent.JobSucceeded, NotificationEvent.JobFailed)));
        return new Job(new Metadata("hourly", null), new SourceLocation("jobs.yaml", 1, 1), spec, schedule,
                ZoneId.of("UTC"), 6, ConcurrencyPolicy.Forbid, null, CompleteWhen.Succeeded, false, 20, 3);
    }

    private Daemon daemon(long seed, TestSubnetSettings subnets) {
        if (sns == null) {
            sns = SnsClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(account.simulator.endpoint()).region(Region.of("eu-west-1"))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sim", "sim")))
                    .build();
        }
        return new Daemon(account, seed, RecordingGateway::new,
                new JobNotifications(new SnsNotifier(sns), Optional.empty()), subnets);
    }

    private List<Launch> launchesOf(String scheduledTime) {
        return launches.stream().filter(launch -> launch.extraTags().containsValue(scheduledTime)).toList();
    }

    private List<TaskSnapshot> tasks() {
        return account.admin().tasks(SimulatedAccount.CLUSTER).stream()
                .sorted(Comparator.comparing(TaskSnapshot::createdAt)).toList();
    }

    private List<RecordedSnsMessage> notifications() {
        return account.admin().snsMessages().stream().filter(m -> TOPIC_ARN.equals(m.topicArn())).toList();
    }

    private static JobRunRecord onlyRun(Daemon daemon) {
        List<JobRunRecord> history = daemon.jobs.get(ResourceKey.job("hourly")).orElseThrow().status().history();
        assertThat(history).hasSize(1);
        return history.get(0);
    }

    /** The real gateway, with every RunTask request written down first. */
    private final class RecordingGateway extends DelegatingGateway {
        RecordingGateway(EcsGateway real) {
            super(real);
        }

        @Override
        public LaunchResult runTask(Launch launch) {
            launches.add(launch);
            return super.runTask(launch);
        }
    }
}
