package io.fargatereconciler.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How the event queue is read: the queue URL, the batch size (SQS allows 1..10 per ReceiveMessage) and the long-poll
 * wait (SQS allows 0..20 s; 20 s costs the fewest empty receives).
 */
public record EventQueueSettings(String queueUrl, int maxMessages, Duration waitTime) {
    public static final int SQS_MAX_BATCH = 10;
    public static final Duration SQS_MAX_WAIT = Duration.ofSeconds(20);

    public EventQueueSettings {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("reconciler.events.queue-url must name the SQS queue URL");
        }
        if (maxMessages < 1 || maxMessages > SQS_MAX_BATCH) {
            throw new IllegalArgumentException(
                    "reconciler.events.max-messages is " + maxMessages + ": SQS receives 1 to 10 messages per call");
        }
        Objects.requireNonNull(waitTime, "waitTime");
        if (waitTime.isNegative() || waitTime.compareTo(SQS_MAX_WAIT) > 0) {
            throw new IllegalArgumentException(
                    "reconciler.events.wait-time is " + waitTime + ": SQS long polling waits 0 to 20 seconds");
        }
    }

    public static EventQueueSettings longPolling(String queueUrl) {
        return new EventQueueSettings(queueUrl, SQS_MAX_BATCH, SQS_MAX_WAIT);
    }
}
