package io.fargatereconciler.loop.events;

import io.fargatereconciler.aws.EventQueueGateway;
import io.fargatereconciler.aws.QueueMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Receives ECS task-state events from the queue on one thread and hands hints to the {@link WorkQueueSink}: long-polls
 * a batch, routes each message, deletes the handled ones in one batch call. At most one batch is held in memory, and
 * nothing is received while the sink is backed up (messages wait in the queue). Unparseable messages are not deleted,
 * so the queue's redrive policy moves them to the dead-letter queue. Events are hints: a lost, repeated or reordered
 * event changes only how soon a pass happens. {@link #start()} and {@link #stop()} may be called repeatedly (the loop
 * runs the intake only while its replica leads).
 */
public final class EventIntake {
    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    static final int TRACKED_TASKS = 10_000;
    private static final Duration BACKED_UP_PAUSE = Duration.ofMillis(200);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final EventQueueGateway queue;
    private final WorkQueueSink sink;
    private final TaskEventRouter router;
    private final EventIntakeCounters counters = new EventIntakeCounters();
    private Run current;

    /**
     * @param groups  maps a task ARN to its group
     * @param ownerId the {@code startedBy} of the tasks this reconciler launches
     */
    public EventIntake(EventQueueGateway queue, WorkQueueSink sink, TaskGroupLookup groups, String ownerId) {
        this.queue = queue;
        this.sink = sink;
        this.router = new TaskEventRouter(new TaskEventVersions(TRACKED_TASKS), groups, sink, ownerId);
    }

    public EventIntakeCounters counters() {
        return counters;
    }

    /** Starts receiving on a new thread unless already receiving. */
    public synchronized void start() {
        if (current != null && !current.stopRequested()) {
            return;
        }
        current = new Run();
        current.thread.start();
        LOG.infof("Event intake receives task-state events from %s", queue.queueUrl());
    }

    /**
     * Stops receiving without waiting: a long poll in flight ends within the wait time, and what it brings is made
     * visible again at once for whoever receives next.
     */
    public synchronized void stop() {
        if (current != null && !current.stopRequested()) {
            current.requestStop();
            LOG.infof("Event intake stops receiving from %s", queue.queueUrl());
        }
    }

    /** Waits until the receiving thread has ended; true if it has (or never ran). */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        Run run;
        synchronized (this) {
            run = current;
        }
        if (run == null) {
            return true;
        }
        run.thread.join(timeout.toMillis());
        return !run.thread.isAlive();
    }

    /** One receiving thread, from start to stop. */
    private final class Run implements Runnable {
        private final CountDownLatch stopSignal = new CountDownLatch(1);
        private final Thread thread = new Thread(this, "event-intake");
        private Duration retry = FIRST_RETRY;
        private boolean failing;
        private boolean backedUp;

        Run() {
            thread.setDaemon(true);
        }

        boolean stopRequested() {
            return stopSignal.getCount() == 0;
        }

        void requestStop() {
            stopSignal.countDown();
        }

        @Override
        public void run() {
            warnIfNoDeadLetterQueue();
            while (!stopRequested()) {
                if (sink.isBackedUp()) {
                    if (!backedUp) {
                        LOG.infof("Work queue is backed up: event intake pauses receiving from %s", queue.queueUrl());
                        backedUp = true;
                    }
                    pause(BACKED_UP_PAUSE);
                    continue;
                }
                backedUp = false;
                List<QueueMessage> batch = receive();
                if (stopRequested()) {
                    handBack(batch);
                } else if (!batch.isEmpty()) {
                    handle(batch);
                }
            }
        }

        private List<QueueMessage> receive() {
            try {
                List<QueueMessage> batch = queue.receive();
                if (failing) {
                    LOG.infof("Event intake receives from %s again", queue.queueUrl());
                    failing = false;
                    retry = FIRST_RETRY;
                }
                return batch;
            } catch (RuntimeException e) {
                counters.addReceiveFailure();
                if (!failing) {
                    LOG.warnf("Event intake cannot receive from %s: %s. It retries with backoff up to %s; meanwhile"
                            + " the periodic resync keeps reconciling. Check the queue URL, the network path and IAM"
                            + " sqs:ReceiveMessage/DeleteMessage.", queue.queueUrl(), e, LAST_RETRY);
                    failing = true;
                } else {
                    LOG.debugf("Event intake still cannot receive from %s: %s", queue.queueUrl(), e);
                }
                pause(retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
                return List.of();
            }
        }

        private void handle(List<QueueMessage> batch) {
            counters.addReceived(batch.size());
            List<QueueMessage> handled = new ArrayList<>(batch.size());
            for (QueueMessage message : batch) {
                EventOutcome outcome;
                try {
                    outcome = router.route(message, queue.queueUrl());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Event intake failed on message %s from %s; it will be received again",
                            message.messageId(), queue.queueUrl());
                    continue;
                }
                counters.add(outcome);
                if (outcome.isHandled()) {
                    handled.add(message);
                }
            }
            if (handled.isEmpty()) {
                return;
            }
            try {
                int refused = queue.delete(handled);
                if (refused > 0) {
                    LOG.debugf("%d handled events were not deleted from %s; they come again and are dropped as"
                            + " duplicates", refused, queue.queueUrl());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Could not delete %d handled events from %s (%s); they come again and are dropped as"
                        + " duplicates", handled.size(), queue.queueUrl(), e);
            }
        }

        private void handBack(List<QueueMessage> batch) {
            if (batch.isEmpty()) {
                return;
            }
            try {
                queue.release(batch);
            } catch (RuntimeException e) {
                LOG.debugf("Could not hand %d events back to %s (%s); they reappear after the visibility timeout",
                        batch.size(), queue.queueUrl(), e);
            }
        }

        private void warnIfNoDeadLetterQueue() {
            try {
                if (!queue.hasDeadLetterQueue()) {
                    LOG.warnf("Event queue %s has no redrive policy: a message that is not an ECS task state change"
                            + " is received again and again until it expires. Give the queue a dead-letter queue"
                            + " (maxReceiveCount 5), see docs/high-availability.md.", queue.queueUrl());
                }
            } catch (RuntimeException e) {
                LOG.debugf("Could not read the redrive policy of %s: %s", queue.queueUrl(), e);
            }
        }

        private void pause(Duration duration) {
            try {
                stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                requestStop();
            }
        }
    }
}
