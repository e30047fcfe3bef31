package io.fargatereconciler.aws;

import java.util.Objects;

/**
 * One message received from a queue. {@code receiveCount} is SQS's ApproximateReceiveCount: 1 on first delivery,
 * higher on redelivery (the queue's redrive policy moves a message to its dead-letter queue after maxReceiveCount).
 */
public record QueueMessage(String messageId, String receiptHandle, String body, int receiveCount) {
    public QueueMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(receiptHandle, "receiptHandle");
        body = body == null ? "" : body;
        if (receiveCount < 1) {
            receiveCount = 1;
        }
    }

    public boolean isFirstDelivery() {
        return receiveCount == 1;
    }
}
