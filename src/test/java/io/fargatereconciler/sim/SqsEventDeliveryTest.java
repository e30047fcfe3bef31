package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Delivery of task events to a real SQS-compatible server (ElasticMQ) in the test JVM. */
class SqsEventDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SQSRestServer elasticMq;
    private SqsClient sqs;
    private SimulatorFixture world;

    @BeforeEach
    void start() {
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = elasticMq.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build();
        sqs.createQueue(r -> r.queueName("ecs-events"));
        String queueUrl = "http://127.0.0.1:" + port + "/000000000000/ecs-events";
        world = new SimulatorFixture(c -> c.eventsQueueUrl(queueUrl));
    }

    @AfterEach
    void stop() {
        world.close();
        sqs.close();
        elasticMq.stopAndWait();
    }

    @Test
    void taskStateChangesArriveInTheQueueAsEventBridgeEvents() {
        Task task = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(SimulatorFixture.STARTUP);

        String queueUrl = sqs.getQueueUrl(r -> r.queueName("ecs-events")).queueUrl();
        List<Message> received = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            received.addAll(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages());
            return received.size() >= 4;
        });

        assertThat(received).hasSize(4).allSatisfy(m -> {
            var event = JSON.readTree(m.body());
            assertThat(event.get("detail-type").asText()).isEqualTo("ECS Task State Change");
            assertThat(event.get("detail").get("taskArn").asText()).isEqualTo(task.taskArn());
        });
        assertThat(received.stream().map(m -> readStatus(m.body())))
                .containsExactlyInAnyOrder("PROVISIONING", "PENDING", "ACTIVATING", "RUNNING");
    }

    private static String readStatus(String body) {
        try {
            return JSON.readTree(body).get("detail").get("lastStatus").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
