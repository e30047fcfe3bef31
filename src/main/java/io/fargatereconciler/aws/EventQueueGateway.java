package io.fargatereconciler.aws;

import java.util.List;

/**
 * The queue that EventBridge delivers ECS task-state events to. Translates SQS calls to {@link QueueMessage}s and
 * decides nothing. Failures are SDK exceptions ({@code software.amazon.awssdk.core.exception.SdkException}).
 */
public interface EventQueueGateway extends AutoCloseable {

    /** The queue URL, for log lines. */
    String queueUrl();

    /** Long-polls for up to one batch; returns an empty list when the wait time passes with no message. */
    List<QueueMessage> receive();

    /** Deletes handled messages (one batch call per 10); returns how many SQS refused to delete. */
    int delete(List<QueueMessage> handled);

    /** Makes received but unhandled messages visible again at once, so another consumer gets them now. */
    void release(List<QueueMessage> unhandled);

    /** Whether the queue has a redrive policy, i.e. poison messages end in a dead-letter queue. */
    boolean hasDeadLetterQueue();

    @Override
    void close();
}
