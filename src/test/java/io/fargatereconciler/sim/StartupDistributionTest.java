package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fargatereconciler.sim.faults.ThrottlingConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;

/** Lifecycle phases given as distributions: drawn per task, seeded, with the fitted median and 99th percentile. */
class StartupDistributionTest {

    @Test
    void provisioningDrawnFromMedianAndP99HasThatMedianAndTail() {
        List<Duration> provisioning = provisioningTimes(SimulatorConfig.parse("""
                seed: 3
                lifecycle:
                  provisioning: {median: 10s, p99: 30s}
                """, "tail.yaml"), 1000);

        assertThat(quantile(provisioning, 0.50)).isBetween(Duration.ofMillis(9_200), Duration.ofMillis(10_800));
        assertThat(quantile(provisioning, 0.99)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(36));
        assertThat(provisioning.stream().distinct().count()).as("drawn per task, not a constant").isGreaterThan(700);
    }

    @Test
    void theSameSeedDrawsTheSameTimesAndAPlainDurationStaysFixed() {
        String tail = "seed: 5\nlifecycle: {provisioning: {median: 12s, p99: 45s}, pending: 20s}\n";

        List<Duration> first = provisioningTimes(SimulatorConfig.parse(tail, "a.yaml"), 50);
        List<Duration> second = provisioningTimes(SimulatorConfig.parse(tail, "b.yaml"), 50);
        List<Duration> fixed = provisioningTimes(SimulatorConfig.parse("lifecycle: {provisioning: 15s}\n", "c.yaml"), 20);

        assertThat(first).isEqualTo(second);
        assertThat(fixed).containsOnly(Duration.ofSeconds(15));
    }

    @Test
    void aSlowStartMultipliesTheDrawnTime() {
        SimulatorConfig config = SimulatorConfig.parse("""
                seed: 9
                lifecycle:
                  provisioning: {median: 10s, p99: 30s}
                faults:
                  tasks:
                    - {family: api, slowStartProbability: 0.05, slowStartFactor: 4}
                """, "slow.yaml");

        List<Duration> provisioning = provisioningTimes(config, 1000);

        long overOneMinute = provisioning.stream().filter(d -> d.compareTo(Duration.ofMinutes(1)) > 0).count();
        assertThat(overOneMinute).as("only slow starts (4 x 10 s median) reach a minute: about 5 % x 20 % of them")
                .isBetween(2L, 30L);
        assertThat(quantile(provisioning, 0.50)).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(12));
    }

    @Test
    void aDistributionWithoutBothPointsOrWithP99BelowTheMedianIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> SimulatorConfig.parse("lifecycle:\n  provisioning: {median: 10s}\n", "one.yaml"))
                .hasMessageContaining("one.yaml:2:").hasMessageContaining("lifecycle.provisioning")
                .hasMessageContaining("{median: 10s, p99: 30s}");
        assertThatThrownBy(() -> SimulatorConfig.parse("lifecycle:\n  pending: {median: 30s, p99: 10s}\n", "two.yaml"))
                .hasMessageContaining("two.yaml:2:").hasMessageContaining("lifecycle.pending")
                .hasMessageContaining("must not be below the median");
    }

    /** Launches {@code count} tasks of family api in one subnet and returns each one's createdAt -> connectivityAt. */
    private static List<Duration> provisioningTimes(SimulatorConfig parsed, int count) {
        SimulatorConfig config = parsed.toBuilder().cluster("c")
                .taskDefinition(TaskDefinitionSeed.of("api", "app", "public.ecr.aws/nginx/nginx:1.27"))
                .subnet(SubnetSeed.of("subnet-a", "us-east-1a", "10.0.0.0/20", 4000))
                .faults(parsed.faults().withThrottling(ThrottlingConfig.disabled()))
                .build();
        VirtualClock clock = VirtualClock.create();
        List<String> arns = new ArrayList<>();
        try (FargateSimulator simulator = FargateSimulator.start(config, clock);
             var ecs = AwsClients.ecs(simulator.endpoint())) {
            for (int launched = 0; launched < count; launched += 10) {
                ecs.runTask(SimulatorFixture.request("c", "api", Math.min(10, count - launched), "subnet-a").build())
                        .tasks().forEach(task -> arns.add(task.taskArn()));
            }
            clock.advance(Duration.ofMinutes(10));
            List<Duration> times = new ArrayList<>();
            for (int from = 0; from < arns.size(); from += 100) {
                List<String> batch = arns.subList(from, Math.min(arns.size(), from + 100));
                for (Task task : ecs.describeTasks(r -> r.cluster("c").tasks(batch)).tasks()) {
                    if (task.connectivityAt() == null) {
                        continue; // drawn slower than the ENI timeout: failed as Fargate fails it
                    }
                    times.add(Duration.between(task.createdAt(), task.connectivityAt()));
                }
            }
            return times;
        }
    }

    private static Duration quantile(List<Duration> values, double q) {
        List<Duration> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(q * sorted.size()) - 1);
    }
}
