package io.fargatereconciler.sim.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fargatereconciler.sim.ecs.EcsJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sends events to an SQS queue as plain HTTP SendMessage calls in the SQS JSON protocol (what EventBridge does for a
 * rule whose target is a queue). One background thread keeps them in order. SQS does not check our fake signature
 * when it is a local server such as ElasticMQ.
 */
final class SqsEventSender implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SqsEventSender.class.getName());
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final URI queueUrl;
    private final String region;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "sim-sqs-events");
        thread.setDaemon(true);
        return thread;
    });

    SqsEventSender(String queueUrl, String region) {
        this.queueUrl = URI.create(queueUrl);
        this.region = region;
    }

    void send(TaskStateChangeEvent event) {
        sender.execute(() -> post(event));
    }

    private void post(TaskStateChangeEvent event) {
        ObjectNode body = EcsJson.object().put("QueueUrl", queueUrl.toString()).put("MessageBody", event.json());
        HttpRequest request = HttpRequest.newBuilder(queueUrl)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS.SendMessage")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=simulator/" + DATE.format(event.time()) + "/"
                        + region + "/sqs/aws4_request, SignedHeaders=host;x-amz-target, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.log(System.Logger.Level.WARNING, "SQS queue {0} refused task event {1} for {2}: HTTP {3} {4}",
                        queueUrl, event.id(), event.taskArn(), response.statusCode(), response.body());
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "cannot send task event {0} to SQS queue {1}: {2}", event.id(),
                    queueUrl, e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
