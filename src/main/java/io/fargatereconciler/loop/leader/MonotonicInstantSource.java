package io.fargatereconciler.loop.leader;

import java.time.Instant;
import java.time.InstantSource;

/**
 * Wall-clock time at creation, advanced by {@link System#nanoTime()}: never jumps when NTP steps the system clock,
 * so a lease cannot look valid longer than it is. The lease table's other replicas measure with the same kind of
 * clock.
 */
public final class MonotonicInstantSource implements InstantSource {
    private final Instant origin;
    private final long originNanos;

    private MonotonicInstantSource(Instant origin, long originNanos) {
        this.origin = origin;
        this.originNanos = originNanos;
    }

    public static MonotonicInstantSource startingNow() {
        return new MonotonicInstantSource(InstantSource.system().instant(), System.nanoTime());
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(System.nanoTime() - originNanos);
    }
}
