package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fargatereconciler.sim.faults.EniFailureKind;
import io.fargatereconciler.sim.faults.ThrottleCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void theDevConfigSeedsTheWorldOfTheExampleDesiredState() throws IOException {
        SimulatorConfig config = SimulatorConfig.parse(resource("/simulator/dev.yaml"), "dev.yaml");
        assertThat(config.clusters()).containsExactly("payments-prod", "data-batch");
        assertThat(config.taskDefinitions()).extracting(TaskDefinitionSeed::family)
                .containsExactly("payments-api", "payments-webhook-relay", "ledger-export");
        assertThat(config.subnets()).hasSize(5).extracting(SubnetSeed::availabilityZone)
                .containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1a", "eu-west-1a", "eu-west-1b");
        assertThat(config.lifecycle().eniTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.faults().subnet("subnet-0c3d4e5f607182930").eniFailureProbability()).isEqualTo(0.2);
        assertThat(config.faults().subnet("subnet-0c3d4e5f607182930").outages().get(0).duration())
                .isEqualTo(Duration.ofMinutes(20));
        assertThat(config.faults().behaviourFor("ledger-export").orElseThrow().exitCode()).isZero();
    }

    @Test
    void theDevWorldRunsTheExampleTaskDefinitionsByRevision() {
        try (FargateSimulator simulator = FargateSimulator.start(SimulatorConfig.devExample(), VirtualClock.create());
             var ecs = AwsClients.ecs(simulator.endpoint())) {
            var task = ecs.runTask(r -> r.cluster("payments-prod").taskDefinition("payments-api:42")
                    .capacityProviderStrategy(s -> s.capacityProvider("FARGATE").weight(1).base(2))
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c3d4e5f60718"))))
                    .tasks().get(0);
            assertThat(task.taskDefinitionArn())
                    .isEqualTo("arn:aws:ecs:eu-west-1:123456789012:task-definition/payments-api:42");
            assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition(
                    "arn:aws:ecs:eu-west-1:123456789012:task-definition/ledger-export:7")).taskDefinition()
                    .containerDefinitions().get(0).name()).isEqualTo("export");
        }
    }

    @Test
    void defaultsArePublishedThrottlingAnHourOfRetentionAndNoFaults() {
        SimulatorConfig config = SimulatorConfig.parse("clusters: [a]\n", "x.yaml");
        assertThat(config.retention()).isEqualTo(Duration.ofHours(1));
        assertThat(config.faults().throttling().enabled()).isTrue();
        assertThat(config.faults().throttling().bucket(ThrottleCategory.RUN_STOP).perSecond()).isEqualTo(40);
        assertThat(config.faults().subnet("subnet-x").eniFailureKind()).isEqualTo(EniFailureKind.TIMEOUT);
    }

    @Test
    void throttlingBucketsAndEniFailureKindsAreReadByName() {
        SimulatorConfig config = SimulatorConfig.parse("""
                faults:
                  throttling:
                    buckets:
                      describeList: {burst: 10, perSecond: 2}
                """, "x.yaml");
        assertThat(config.faults().throttling().bucket(ThrottleCategory.DESCRIBE_LIST).burst()).isEqualTo(10);
        assertThat(config.faults().throttling().bucket(ThrottleCategory.OTHER).burst()).isEqualTo(50);
    }

    @Test
    void aBadFieldIsReportedWithFileLineAndField() {
        assertThatThrownBy(() -> SimulatorConfig.parse("""
                clusters: [a]
                subnets:
                  - id: subnet-1
                    availabilityZone: us-east-1a
                    freeIps: 900
                """, "sim.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sim.yaml:")
                .hasMessageContaining(":3:")
                .hasMessageContaining("freeIps: must be between 0 and 251");
        assertThatThrownBy(() -> SimulatorConfig.parse("retention: soon\n", "sim.yaml"))
                .hasMessageContaining("sim.yaml:1:").hasMessageContaining("not a duration: 'soon'");
        assertThatThrownBy(() -> SimulatorConfig.parse("clusterz: [a]\n", "sim.yaml"))
                .hasMessageContaining("clusterz");
    }

    @Test
    void faultsForAnUndeclaredSubnetAreRefused() {
        assertThatThrownBy(() -> SimulatorConfig.parse("""
                subnets: [{id: subnet-1, availabilityZone: us-east-1a}]
                faults: {subnets: {subnet-2: {eniFailureProbability: 0.5}}}
                """, "sim.yaml")).hasMessageContaining("faults.subnets.subnet-2: no such subnet");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SimulatorConfigTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
