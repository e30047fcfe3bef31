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

    /**
     * One pass's observations: {@code answered} are the clusters ECS answered for (observed, or refused with a
     * client error such as ClusterNotFoundException: ECS is reachable, the cluster name is the problem),
     * {@code attempted} all clusters the pass tried.
     */
    public synchronized void observed(Set<String> answered, Set<String> attempted, Instant at) {
        Set<String> unreachable = new TreeSet<>(unreachableClusters);
        unreachable.removeAll(answered);
        attempted.stream().filter(cluster -> !answered.contains(cluster)).forEach(unreachable::add);
        unreachableClusters = Set.copyOf(unreachable);
        if (answered.containsAll(attempted)) {
            lastObservationAt = at;
            if (firstObservationAt == null) {
                firstObservationAt = at;
            }
        }
    }

    public Optional<Instant> lastPassCompletedAt() {
        return Optional.ofNullable(lastPassCompletedAt);
    }

    /** When ECS first answered for every cluster of a pass; empty until then. */
    public Optional<Instant> firstObservationAt() {
        return Optional.ofNullable(firstObservationAt);
    }

    public Optional<Instant> lastObservationAt() {
        return Optional.ofNullable(lastObservationAt);
    }

    /** Clusters whose last observation got no answer from ECS (throttled, unavailable), sorted. */
    public Set<String> unreachableClusters() {
        return new TreeSet<>(unreachableClusters);
    }
}
