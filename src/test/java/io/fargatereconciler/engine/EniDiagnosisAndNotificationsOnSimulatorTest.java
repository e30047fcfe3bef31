package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.SnsNotifier;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.Notifications;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.loop.NotificationPublisher;
import io.fargatereconciler.plan.Condition;
import io.fargatereconciler.sim.sns.RecordedSnsMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.sns.SnsClient;

/** The test-ENI diagnosis and the SNS notifications of TaskGroups, on the simulator's virtual time. */
@QuarkusTest
class EniDiagnosisAndNotificationsOnSimulatorTest {
    private static final String TOPIC = "reconciler-alerts";
    private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:" + TOPIC;
    private static final String HEALTHY = SimulatedAccount.SUBNETS.get(0);
    private static final String BROKEN = SimulatedAccount.SUBNETS.get(1);
    private static final String TEST_ENI_TAG = "fargate-reconciler/test-eni";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void anEniOutageInOneSubnetSendsOneDegradedAndOneRecoveredMessageNotOnePerFailedTask() throws IOException {
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC));
        account.desire(group("api", 6));
        account.admin().startEniOutage(BROKEN, Duration.ofMinutes(12));
        Daemon daemon = daemon(31, false);

        daemon.runFor(Duration.ofMinutes(45));

        assertThat(account.admin().apiCalls().tasksDoomed()).as("several copies failed").isGreaterThanOrEqualTo(2);
        assertThat(account.running()).isEqualTo(6);
        List<JsonNode> sent = messages();
        assertThat(sent).extracting(m -> m.path("event").asText())
                .filteredOn(e -> e.equals("Degraded") || e.equals("Recovered"))
                .containsExactly("Degraded", "Recovered");
        assertThat(sent).extracting(m -> m.path("event").asText()).filteredOn("StartedAfterFailures"::equals)
                .as("a copy running again after the failures, told once").hasSize(1);
        JsonNode degraded = sent.stream().filter(m -> m.path("event").asText().equals("Degraded")).findFirst()
                .orElseThrow();
        assertThat(degraded.path("group").asText()).isEqualTo("api");
        assertThat(degraded.path("degraded").path("reason").asText()).as("its copies stalled in PROVISIONING")
                .isEqualTo("EniProvisioningStalled");
        assertThat(degraded.path("degraded").path("message").asText()).contains("subnet " + BROKEN);
        assertThat(degraded.path("unhealthySubnets").get(0).path("subnetId").asText()).isEqualTo(BROKEN);
        assertThat(degraded.path("launchSubnets")).extracting(JsonNode::asText).containsExactly(HEALTHY);
        assertThat(account.admin().snsMessages()).extracting(RecordedSnsMessage::subject)
                .contains("fargate-reconciler: TaskGroup api degraded (EniProvisioningStalled)",
                        "fargate-reconciler: TaskGroup api recovered, 6 of 6 copies running");
    }

    @Test
    void theTestEniRunsAfterRepeatedFailuresAtABoundedRateAndLeavesNoInterfaceEvenWhenADeleteFails() {
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC));
        account.admin().setEniFailureProbability(BROKEN, 1.0);
        account.admin().failNextCalls("ec2:DeleteNetworkInterface", 1);
        account.desire(group("api", 8));
        // without probes the first launch spreads over both subnets, so the broken one sees several failures at once
        Daemon daemon = daemon(32, new TestSubnetSettings(true, true, TestSubnetSettings.NO_PROBES));

        daemon.runFor(Duration.ofMinutes(8));
        assertThat(calls("ec2:CreateNetworkInterface")).as("one test after the failures").isEqualTo(1);
        assertThat(calls("ec2:DeleteNetworkInterface")).as("the failed delete was tried again").isEqualTo(2);
        assertThat(testInterfaces()).as("no test interface left behind").isEmpty();
        assertThat(account.admin().freeIps(BROKEN)).as("its address went back").isEqualTo(251);
        Condition degraded = daemon.status.get(ResourceKey.taskGroup("api")).orElseThrow().status()
                .condition(Condition.Type.Degraded);
        assertThat(degraded.message()).contains("subnet " + BROKEN, "a test ENI was created and deleted fine",
                "the failures are on the Fargate side");
        assertThat(daemon.meters.counter("reconciler.subnet.test.eni", "subnet", BROKEN, "result", "CREATED").count())
                .isEqualTo(1);

        daemon.runFor(Duration.ofMinutes(12));
        assertThat(calls("ec2:CreateNetworkInterface")).as("not again before the minimum interval, nor without new "
                + "failures").isEqualTo(1);
        account.liveTasks().stream().limit(2).forEach(t -> account.admin().stopTask(t.taskArn(), "by hand"));
        daemon.runFor(Duration.ofMinutes(10));
        assertThat(calls("ec2:CreateNetworkInterface")).as("new failures after the interval: tested again")
                .isEqualTo(2);
        assertThat(testInterfaces()).isEmpty();
    }

    @Test
    void testInterfacesAnEarlierProcessLeftBehindAreSweptAtStart() {
        account = new SimulatedAccount(ecsConfig, config -> config.topic(TOPIC));
        TagSpecification ours = TagSpecification.builder().resourceType(ResourceType.NETWORK_INTERFACE)
                .tags(Tag.builder().key(TEST_ENI_TAG).value("fargate-reconciler").build()).build();
        account.ec2.createNetworkInterface(r -> r.subnetId(BROKEN).tagSpecifications(ours));
        account.ec2.createNetworkInterface(r -> r.subnetId(HEALTHY).description("someone else's"));
        account.desire(group("api", 2));

        daemon(33, true).loop.runPass();

        assertThat(testInterfaces()).isEmpty();
        assertThat(account.ec2.describeNetworkInterfaces().networkInterfaces()).as("only ours were deleted")
                .extracting(eni -> eni.description()).contains("someone else's");
    }

    private Daemon daemon(long seed, boolean testEni) {
        return daemon(seed, new TestSubnetSettings(true, testEni));
    }

    private Daemon daemon(long seed, TestSubnetSettings settings) {
        sns = SnsClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(account.simulator.endpoint()).region(Region.of("eu-west-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sim", "sim")))
                .build();
        return new Daemon(account, seed, settings, new NotificationPublisher(new SnsNotifier(sns), Optional.empty()));
    }

    private static TaskGroup group(String name, int replicas) {
        TaskSpec spec = new TaskSpec(SimulatedAccount.CLUSTER, "api:1", null, null, null,
                new Network(SimulatedAccount.SUBNETS, List.of("sg-0a1b2c3d4e5f60718"), false), null, null, null,
                false, null, new Notifications(TOPIC_ARN, null));
        return new TaskGroup(new Metadata(name, Map.of()), new SourceLocation("test.yaml", 1, 1), spec, replicas,
                RolloutPolicy.DEFAULT);
    }

    private List<JsonNode> messages() throws IOException {
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (RecordedSnsMessage message : account.admin().snsMessages()) {
            if (message.topicArn().equals(TOPIC_ARN)) {
                bodies.add(JSON.readTree(message.message()));
            }
        }
        return bodies;
    }

    private long calls(String operation) {
        return account.admin().apiCalls().calls(operation);
    }

    private List<String> testInterfaces() {
        Filter ours = Filter.builder().name("tag:" + TEST_ENI_TAG).values("fargate-reconciler").build();
        return account.ec2.describeNetworkInterfaces(r -> r.filters(ours)).networkInterfaces().stream()
                .map(eni -> eni.networkInterfaceId()).toList();
    }
}
