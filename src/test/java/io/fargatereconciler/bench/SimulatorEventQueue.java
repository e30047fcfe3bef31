package io.fargatereconciler.bench;

import io.fargatereconciler.aws.EventQueueGateway;
import io.fargatereconciler.aws.QueueMessage;
import io.fargatereconciler.loop.events.EventIntake;
import io.fargatereconciler.loop.events.EventOutcome;
import io.fargatereconciler.sim.events.TaskStateChangeEvent;
import io.fargatereconciler.sim.events.TaskStateChangeListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event path on virtual time: the simulator's "ECS Task State Change" events, exactly as EventBridge delivers
 * them to SQS, handed to the real {@link EventIntake} through an in-memory queue instead of SQS. The harness waits
 * (in wall time) until the intake has routed every event before it runs the loop again, so the virtual time from a
 * change to the pass it causes does not depend on thread scheduling. EventBridge's and SQS's own delivery delay is
 * not modelled (it is zero here).
 */
final class SimulatorEventQueue implements EventQueueGateway, TaskStateChangeListener {
    private static final Duration HANDLING_TIMEOUT = Duration.ofSeconds(10);
    private final LinkedBlockingQueue<QueueMessage> messages = new LinkedBlockingQueue<>();
    private final AtomicLong offered = new AtomicLong();

    @Override
    public void onTaskStateChange(TaskStateChangeEvent event) {
        messages.add(new QueueMessage(event.id() + "-" + event.version(), "receipt-" + event.id(), event.json(), 1));
        offered.incrementAndGet();
    }

    /** Blocks until {@code intake} has received and routed every event offered so far. */
    void awaitHandled(EventIntake intake) {
        long deadline = System.nanoTime() + HANDLING_TIMEOUT.toNanos();
        while (routed(intake) < offered.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the event intake routed " + routed(intake) + " of " + offered.get()
                        + " events within " + HANDLING_TIMEOUT + "; is it running?");
            }
            Thread.onSpinWait();
        }
    }

    private static long routed(EventIntake intake) {
        return Arrays.stream(EventOutcome.values()).mapToLong(intake.counters()::count).sum();
    }

    long offered() {
        return offered.get();
    }

    @Override
    public String queueUrl() {
        return "in-memory://simulator-task-events";
    }

    @Override
    public List<QueueMessage> receive() {
        try {
            QueueMessage first = messages.poll(20, TimeUnit.MILLISECONDS);
            if (first == null) {
                return List.of();
            }
            List<QueueMessage> batch = new ArrayList<>(List.of(first));
            messages.drainTo(batch, 9);
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    @Override
    public int delete(List<QueueMessage> handled) {
        return 0;
    }

    @Override
    public void release(List<QueueMessage> unhandled) {
        messages.addAll(unhandled);
    }

    @Override
    public boolean hasDeadLetterQueue() {
        return true;
    }

    @Override
    public void close() {
        messages.clear();
    }
}
