package io.fargatereconciler.loop;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What health checks need to know about the loop: when a pass last completed and whether ECS answers. */
public final class LoopHealth {
    private final Instant createdAt;
    private volatile Instant lastPassCompletedAt;
    private volatile Instant firstObservationAt;
    private volatile Instant lastObservationAt;
    private volatile Set<String> unreachableClusters = Set.of();

    public LoopHealth(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** When the loop was made: the reference for liveness until the first pass completes. */
    public Instant createdAt() {
        return createdAt;
    }

    public void passCompleted(Instant at) {
        lastPassCompletedAt = at;
    }

    public void observed(Set<String> succeeded, Set<String> attempted, Instant at) {
        Set<String> failed = new TreeSet<>(attempted);
        failed.removeAll(succeeded);
        unreachableClusters = Set.copyOf(failed);
        if (!succeeded.isEmpty() || attempted.isEmpty()) {
            lastObservationAt = at;
            if (failed.isEmpty() && firstObservationAt == null) {
                firstObservationAt = at;
            }
        }
    }

    public Optional<Instant> lastPassCompletedAt() {
        return Optional.ofNullable(lastPassCompletedAt);
    }

    /** When every cluster of a pass was first observed successfully; empty until then. */
    public Optional<Instant> firstObservationAt() {
        return Optional.ofNullable(firstObservationAt);
    }

    public Optional<Instant> lastObservationAt() {
        return Optional.ofNullable(lastObservationAt);
    }

    /** Clusters whose last observation failed (throttled, unavailable, rejected). */
    public Set<String> unreachableClusters() {
        return new TreeSet<>(unreachableClusters);
    }
}
