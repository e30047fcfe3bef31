package io.fargatereconciler.sim.events;

import io.fargatereconciler.sim.ecs.SimTask;
import io.fargatereconciler.sim.ecs.TaskChangeObserver;
import io.fargatereconciler.sim.ecs.TaskJson;
import io.fargatereconciler.sim.world.Ids;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns task changes into "ECS Task State Change" events. Changes are rendered under the simulation lock (the task
 * mutates) but delivered after it is released, by {@link #deliverPending()}, in order and one at a time. Nothing is
 * rendered while nobody listens.
 */
public final class EventHub implements TaskChangeObserver, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventHub.class.getName());

    private final TaskJson taskJson;
    private final Ids ids;
    private final String region;
    private final String account;
    private final List<TaskStateChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Queue<TaskStateChangeEvent> pending = new ArrayDeque<>();
    private final ReentrantLock delivery = new ReentrantLock();
    private volatile SqsEventSender sqs;

    public EventHub(TaskJson taskJson, Ids ids, String region, String account) {
        this.taskJson = taskJson;
        this.ids = ids;
        this.region = region;
        this.account = account;
    }

    public AutoCloseable addListener(TaskStateChangeListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Sends every later event to this SQS queue (null stops sending). */
    public void sendToQueue(String queueUrl) {
        SqsEventSender previous = sqs;
        sqs = queueUrl == null ? null : new SqsEventSender(queueUrl, region);
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public void taskChanged(SimTask task, long atMillis) {
        if (listeners.isEmpty() && sqs == null) {
            return;
        }
        String eventId = ids.uuid();
        String json = EventEnvelope.wrap(taskJson.render(task, false), eventId, atMillis, region, account);
        TaskStateChangeEvent event = new TaskStateChangeEvent(eventId, Instant.ofEpochMilli(atMillis), task.arn(),
                task.lastStatus().name(), task.desiredStatus(), task.version(), json);
        synchronized (pending) {
            pending.add(event);
        }
    }

    /**
     * Delivers the events rendered so far; call without holding the simulation lock. When another thread is
     * delivering, it takes these too (so a listener that calls the simulator back cannot deadlock).
     */
    public void deliverPending() {
        while (delivery.tryLock()) {
            try {
                drain();
            } finally {
                delivery.unlock();
            }
            synchronized (pending) {
                if (pending.isEmpty()) {
                    return;
                }
            }
        }
    }

    private void drain() {
        TaskStateChangeEvent event;
        while ((event = poll()) != null) {
            SqsEventSender queue = sqs;
            if (queue != null) {
                queue.send(event);
            }
            for (TaskStateChangeListener listener : listeners) {
                try {
                    listener.onTaskStateChange(event);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "task event listener failed on " + event.taskArn(), e);
                }
            }
        }
    }

    private TaskStateChangeEvent poll() {
        synchronized (pending) {
            return pending.poll();
        }
    }

    @Override
    public void close() {
        sendToQueue(null);
    }
}
