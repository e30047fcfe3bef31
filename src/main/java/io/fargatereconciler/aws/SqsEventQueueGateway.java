package io.fargatereconciler.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@link EventQueueGateway} on the SDK v2 {@link SqsClient}: ReceiveMessage long polling and batch deletes. */
public final class SqsEventQueueGateway implements EventQueueGateway {
    private static final Duration SOCKET_SLACK = Duration.ofSeconds(10);

    private final SqsClient sqs;
    private final EventQueueSettings settings;
    private final boolean ownsClient;

    /** Uses a client the caller owns and closes. */
    public SqsEventQueueGateway(SqsClient sqs, EventQueueSettings settings) {
        this(sqs, settings, false);
    }

    private SqsEventQueueGateway(SqsClient sqs, EventQueueSettings settings, boolean ownsClient) {
        this.sqs = sqs;
        this.settings = settings;
        this.ownsClient = ownsClient;
    }

    /**
     * Builds its own client (default credentials chain, URL-connection HTTP, standard retry mode) whose socket timeout
     * outlasts the long-poll wait; {@link #close()} closes it.
     */
    public static SqsEventQueueGateway connect(AwsEndpoint endpoint, EventQueueSettings settings) {
        SqsClient client = endpoint.applyTo(SqsClient.builder())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .socketTimeout(settings.waitTime().plus(SOCKET_SLACK)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build())
                .build();
        return new SqsEventQueueGateway(client, settings, true);
    }

    @Override
    public String queueUrl() {
        return settings.queueUrl();
    }

    @Override
    public List<QueueMessage> receive() {
        List<Message> messages = sqs.receiveMessage(request -> request
                .queueUrl(settings.queueUrl())
                .maxNumberOfMessages(settings.maxMessages())
                .waitTimeSeconds((int) settings.waitTime().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages();
        List<QueueMessage> received = new ArrayList<>(messages.size());
        for (Message message : messages) {
            String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
            received.add(new QueueMessage(message.messageId(), message.receiptHandle(), message.body(),
                    count == null ? 1 : Integer.parseInt(count)));
        }
        return received;
    }

    @Override
    public int delete(List<QueueMessage> handled) {
        int refused = 0;
        for (List<QueueMessage> batch : batchesOf(handled)) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i)).receiptHandle(batch.get(i).receiptHandle()).build());
            }
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(request -> request
                    .queueUrl(settings.queueUrl()).entries(entries));
            refused += response.failed().size();
        }
        return refused;
    }

    @Override
    public void release(List<QueueMessage> unhandled) {
        for (List<QueueMessage> batch : batchesOf(unhandled)) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(i)).receiptHandle(batch.get(i).receiptHandle())
                        .visibilityTimeout(0).build());
            }
            sqs.changeMessageVisibilityBatch(request -> request.queueUrl(settings.queueUrl()).entries(entries));
        }
    }

    @Override
    public boolean hasDeadLetterQueue() {
        String policy = sqs.getQueueAttributes(request -> request
                        .queueUrl(settings.queueUrl()).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes().get(QueueAttributeName.REDRIVE_POLICY);
        return policy != null && !policy.isBlank();
    }

    @Override
    public void close() {
        if (ownsClient) {
            sqs.close();
        }
    }

    private static List<List<QueueMessage>> batchesOf(List<QueueMessage> messages) {
        List<List<QueueMessage>> batches = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += EventQueueSettings.SQS_MAX_BATCH) {
            batches.add(messages.subList(from, Math.min(messages.size(), from + EventQueueSettings.SQS_MAX_BATCH)));
        }
        return batches;
    }
}
