package io.fargatereconciler.desired;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static io.fargatereconciler.desired.DesiredStateFixture.JOB;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid documents become the records the planner reads, with the documented defaults. */
class DesiredStateMappingTest {
    @TempDir
    Path folder;
    DesiredStateFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DesiredStateFixture(folder);
    }

    @Test
    void fillsTheDocumentedDefaultsOfAMinimalTaskGroup() {
        TaskGroup group = fixture.write("api.yaml", GROUP).loadValid().taskGroups().get(0);
        assertThat(group.replicas()).isEqualTo(2);
        assertThat(group.rollout()).isEqualTo(RolloutPolicy.DEFAULT);
        assertThat(group.source()).isEqualTo(new SourceLocation(folder + "/api.yaml", 1, 1));
        TaskSpec task = group.task();
        assertThat(task.cluster()).isEqualTo("prod");
        assertThat(task.taskDefinition()).isEqualTo("api:3");
        assertThat(task.launchType()).isEqualTo("FARGATE");
        assertThat(task.capacityProviderStrategy()).isEmpty();
        assertThat(task.platformVersion()).isNull();
        assertThat(task.network()).isEqualTo(new Network(List.of("subnet-0123456789abcdef0"),
                List.of("sg-0123456789abcdef0"), false));
        assertThat(task.overrides()).isEqualTo(Overrides.NONE);
        assertThat(task.propagateTags()).isEqualTo(PropagateTags.NONE);
        assertThat(task.enableExecuteCommand()).isFalse();
        assertThat(task.backoff()).isEqualTo(BackoffPolicy.DEFAULT);
        assertThat(task.notifications()).isEqualTo(Notifications.DEFAULT);
    }

    @Test
    void readsEveryFieldOfAFullTaskGroup() {
        String yaml = GROUP.replace("  name: api\n", "  name: api\n  labels: {team: payments, tier: 1}\n") + """
                  rollout: {maxSurge: 0, maxUnavailable: 1}
                  capacityProviderStrategy:
                    - {capacityProvider: FARGATE, base: 1}
                    - {capacityProvider: FARGATE_SPOT, weight: 3}
                  platformVersion: 1.4.0
                  overrides:
                    cpu: 512
                    memory: "1024"
                    containers:
                      - name: app
                        command: [run, --fast]
                        environment: {MODE: "on", PORT: 8080}
                        cpu: 128
                        memory: 256
                  tags: {cost-center: "0815"}
                  propagateTags: TASK_DEFINITION
                  enableExecuteCommand: true
                  backoff: {initial: 500ms, max: 1h30m, multiplier: 1.5, jitter: false, resetAfter: 2m}
                  notifications:
                    topicArn: arn:aws:sns:eu-west-1:123456789012:alerts.fifo
                    on: [Degraded, Recovered]
                """;
        TaskGroup group = fixture.write("api.yaml", yaml).loadValid().taskGroups().get(0);
        assertThat(group.metadata().labels()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "payments", "tier", "1"));
        assertThat(group.rollout()).isEqualTo(new RolloutPolicy(0, 1));
        TaskSpec task = group.task();
        assertThat(task.launchType()).isNull();
        assertThat(task.capacityProviderStrategy()).containsExactly(new CapacityProviderItem("FARGATE", 1, 1),
                new CapacityProviderItem("FARGATE_SPOT", 3, 0));
        assertThat(task.platformVersion()).isEqualTo("1.4.0");
        assertThat(task.overrides()).isEqualTo(new Overrides("512", "1024", List.of(new ContainerOverride("app",
                List.of("run", "--fast"), Map.of("MODE", "on", "PORT", "8080"), 128, 256))));
        assertThat(task.tags()).isEqualTo(Map.of("cost-center", "0815"));
        assertThat(task.propagateTags()).isEqualTo(PropagateTags.TASK_DEFINITION);
        assertThat(task.enableExecuteCommand()).isTrue();
        assertThat(task.backoff()).isEqualTo(new BackoffPolicy(Duration.ofMillis(500), Duration.ofMinutes(90), 1.5,
                false, Duration.ofMinutes(2)));
        assertThat(task.notifications()).isEqualTo(new Notifications("arn:aws:sns:eu-west-1:123456789012:alerts.fifo",
                EnumSet.of(NotificationEvent.Degraded, NotificationEvent.Recovered)));
    }

    @Test
    void fillsTheDocumentedDefaultsOfAMinimalJob() {
        Job job = fixture.write("export.yaml", JOB).loadValid().jobs().get(0);
        assertThat(job.scheduled()).isFalse();
        assertThat(job.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(job.backoffLimit()).isEqualTo(6);
        assertThat(job.concurrencyPolicy()).isEqualTo(ConcurrencyPolicy.Allow);
        assertThat(job.startingDeadlineSeconds()).isNull();
        assertThat(job.completeWhen()).isEqualTo(CompleteWhen.Succeeded);
        assertThat(job.suspend()).isFalse();
        assertThat(job.successfulJobsHistoryLimit()).isEqualTo(3);
        assertThat(job.failedJobsHistoryLimit()).isEqualTo(1);
    }

    @Test
    void readsEveryFieldOfAScheduledJob() {
        String yaml = JOB + """
                  schedule: "*/15 6-22 * * MON-FRI"
                  timeZone: Europe/Berlin
                  backoffLimit: 2
                  concurrencyPolicy: Replace
                  startingDeadlineSeconds: 300
                  completeWhen: Running
                  suspend: true
                  successfulJobsHistoryLimit: 0
                  failedJobsHistoryLimit: 5
                """;
        Job job = fixture.write("export.yaml", yaml).loadValid().jobs().get(0);
        assertThat(job.schedule()).isEqualTo("*/15 6-22 * * MON-FRI");
        assertThat(job.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(job.backoffLimit()).isEqualTo(2);
        assertThat(job.concurrencyPolicy()).isEqualTo(ConcurrencyPolicy.Replace);
        assertThat(job.startingDeadlineSeconds()).isEqualTo(300L);
        assertThat(job.completeWhen()).isEqualTo(CompleteWhen.Running);
        assertThat(job.suspend()).isTrue();
        assertThat(job.successfulJobsHistoryLimit()).isZero();
        assertThat(job.failedJobsHistoryLimit()).isEqualTo(5);
    }

    @Test
    void theShippedExamplesValidate() {
        LoadResult result = new DesiredStateLoader(LoadSettings.DEFAULT, DesiredStateFixture.FIXED_CLOCK)
                .load(Path.of("desired-state"));
        assertThat(result).as("%s", result).isInstanceOfSatisfying(LoadResult.Valid.class, valid ->
                assertThat(valid.state().resources()).containsOnlyKeys(ResourceKey.taskGroup("payments-api"),
                        ResourceKey.taskGroup("payments-webhook-relay"), ResourceKey.job("nightly-export")));
    }
}
