package io.fargatereconciler.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when told to. Tests, the daemon under test and the simulator share one instance: reading
 * it is a volatile read, and {@link #advance(Duration)} runs every registered listener (the simulator processes all
 * task transitions that became due) before it returns, so after {@code advance} the world is exactly as it would be
 * at {@link #instant()}.
 */
public final class VirtualClock implements InstantSource {
    private final Object advanceLock = new Object();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Instant now;

    private VirtualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** A clock standing at {@code start}. */
    public static VirtualClock startingAt(Instant start) {
        return new VirtualClock(start);
    }

    /** A clock standing at 2025-01-01T00:00:00Z, a fixed point so test output is reproducible. */
    public static VirtualClock create() {
        return new VirtualClock(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    /** Moves time forward by {@code step} (zero is allowed and just processes what is due) and notifies listeners. */
    public void advance(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative()) {
            throw new IllegalArgumentException("a virtual clock cannot go back; step was " + step);
        }
        synchronized (advanceLock) {
            now = now.plus(step);
        }
        listeners.forEach(Runnable::run);
    }

    /** Moves time forward to {@code target}; a target in the past is refused. */
    public void advanceTo(Instant target) {
        advance(Duration.between(now, target));
    }

    /** Registers a listener run after every advance; closing the returned handle removes it. */
    public AutoCloseable onAdvance(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
