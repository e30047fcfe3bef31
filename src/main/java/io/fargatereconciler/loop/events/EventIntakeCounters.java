package io.fargatereconciler.loop.events;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of the intake, read by metrics ({@code reconciler_events_total{outcome}}) and tests. */
public final class EventIntakeCounters {
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong receiveFailures = new AtomicLong();
    private final Map<EventOutcome, AtomicLong> outcomes = new EnumMap<>(EventOutcome.class);

    EventIntakeCounters() {
        for (EventOutcome outcome : EventOutcome.values()) {
            outcomes.put(outcome, new AtomicLong());
        }
    }

    /** Messages received from the queue, redeliveries included. */
    public long received() {
        return received.get();
    }

    /** ReceiveMessage calls that failed (network, permissions, missing queue). */
    public long receiveFailures() {
        return receiveFailures.get();
    }

    public long count(EventOutcome outcome) {
        return outcomes.get(outcome).get();
    }

    void addReceived(int messages) {
        received.addAndGet(messages);
    }

    void addReceiveFailure() {
        receiveFailures.incrementAndGet();
    }

    void add(EventOutcome outcome) {
        outcomes.get(outcome).incrementAndGet();
    }
}
