package io.fargatereconciler.loop.events;

import io.fargatereconciler.aws.QueueMessage;
import io.fargatereconciler.desired.ResourceKey;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Decides what one message means for the work queue: the group of a known task is nudged; a task of ours
 * ({@code startedBy} = the owner id) of no known group nudges its cluster; other tasks, duplicates and older versions
 * are dropped. An unparseable message is logged once (on its first delivery) and left for the dead-letter queue.
 */
final class TaskEventRouter {
    private static final Logger LOG = Logger.getLogger(TaskEventRouter.class);

    private final TaskStateChangeParser parser = new TaskStateChangeParser();
    private final TaskEventVersions versions;
    private final TaskGroupLookup groups;
    private final WorkQueueSink sink;
    private final String ownerId;

    TaskEventRouter(TaskEventVersions versions, TaskGroupLookup groups, WorkQueueSink sink, String ownerId) {
        this.versions = versions;
        this.groups = groups;
        this.sink = sink;
        this.ownerId = ownerId;
    }

    EventOutcome route(QueueMessage message, String queueUrl) {
        ParsedEvent parsed = parser.parse(message.body());
        if (parsed instanceof ParsedEvent.Unparseable unparseable) {
            logUnparseable(message, queueUrl, unparseable.reason());
            return EventOutcome.UNPARSEABLE;
        }
        TaskStateChange change = ((ParsedEvent.Change) parsed).change();
        Optional<ResourceKey> group = groups.groupOf(change.taskArn());
        if (group.isEmpty() && !ownerId.equals(change.startedBy())) {
            return EventOutcome.NOT_OURS;
        }
        if (!versions.isNewer(change.taskArn(), change.version())) {
            return EventOutcome.STALE;
        }
        if (group.isPresent()) {
            LOG.debugf("Task %s of %s is %s (desired %s, event version %d): nudging %s", change.taskArn(),
                    group.get(), change.lastStatus(), change.desiredStatus(), change.version(), group.get());
            sink.nudge(group.get());
            return EventOutcome.NUDGED_GROUP;
        }
        LOG.debugf("Task %s started by %s belongs to no known group: nudging cluster %s", change.taskArn(),
                change.startedBy(), change.clusterArn());
        sink.nudgeCluster(change.clusterArn());
        return EventOutcome.NUDGED_CLUSTER;
    }

    private static void logUnparseable(QueueMessage message, String queueUrl, String reason) {
        if (message.isFirstDelivery()) {
            LOG.warnf("Event queue %s: message %s is unusable: %s. It stays on the queue and its"
                    + " redrive policy moves it to the dead-letter queue; inspect it there. Body starts: %s",
                    queueUrl, message.messageId(), reason, abbreviate(message.body()));
        } else {
            LOG.debugf("Event queue %s: message %s is still unparseable (delivery %d)", queueUrl,
                    message.messageId(), message.receiveCount());
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
