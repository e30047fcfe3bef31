package io.fargatereconciler.sim.world;

import java.util.PriorityQueue;

/**
 * Timed events of the simulated world, run in time order (then in scheduling order). Not thread-safe: the
 * {@link Simulation} lock guards it. Each action receives the instant it was due, not the instant it ran, so a task's
 * timestamps are exact even when the clock jumps an hour at once.
 */
public final class Timeline {
    /** Something that happens at a point in simulated time. */
    @FunctionalInterface
    public interface Action {
        void run(long dueAtMillis);
    }

    private record Entry(long dueAt, long sequence, Action action) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.dueAt != b.dueAt
            ? Long.compare(a.dueAt, b.dueAt) : Long.compare(a.sequence, b.sequence));
    private long sequence;

    public void schedule(long dueAtMillis, Action action) {
        queue.add(new Entry(dueAtMillis, sequence++, action));
    }

    /** Runs every action due at or before {@code nowMillis}, including those that due actions schedule. */
    public void runDue(long nowMillis) {
        Entry next;
        while ((next = queue.peek()) != null && next.dueAt <= nowMillis) {
            queue.poll();
            next.action.run(next.dueAt);
        }
    }

    public int pending() {
        return queue.size();
    }
}
