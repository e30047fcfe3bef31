package io.fargatereconciler.testing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** ElasticMQ (an SQS-compatible server) embedded in the test JVM on a free loopback port. */
public final class ElasticMq implements AutoCloseable {
    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;

    private ElasticMq(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = client();
    }

    public static ElasticMq start() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMq(server, URI.create("http://127.0.0.1:" + port));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A new client for this server, with test credentials; the caller closes it. */
    public SqsClient client() {
        return client(Duration.ofSeconds(30));
    }

    /**
     * A new client whose calls give up after {@code socketTimeout} without an answer (as the daemon's does, after the
     * long-poll wait plus a slack): ElasticMQ never answers a long poll in flight when its queue is deleted.
     */
    public SqsClient client(Duration socketTimeout) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(socketTimeout))
                .build();
    }

    /** A queue whose redrive policy moves a message to a new dead-letter queue after {@code maxReceiveCount}. */
    public QueueWithDeadLetters createQueueWithDeadLetterQueue(String name, int maxReceiveCount,
                                                               Duration visibilityTimeout) {
        String deadLetterUrl = client.createQueue(request -> request.queueName(name + "-dlq")).queueUrl();
        String deadLetterArn = client.getQueueAttributes(request -> request.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = client.createQueue(request -> request.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibilityTimeout.toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn
                        + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}"))).queueUrl();
        return new QueueWithDeadLetters(url, deadLetterUrl);
    }

    public String createQueue(String name) {
        return client.createQueue(request -> request.queueName(name)).queueUrl();
    }

    public void send(String queueUrl, String body) {
        client.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    }

    /** Messages on the queue, visible or in flight. */
    public int messagesOn(String queueUrl) {
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Messages on the queue that a receive would get now. */
    public int visibleMessagesOn(String queueUrl) {
        return Integer.parseInt(client.getQueueAttributes(request -> request.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }

    public record QueueWithDeadLetters(String url, String deadLetterUrl) {
    }
}
