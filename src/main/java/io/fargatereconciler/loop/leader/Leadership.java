package io.fargatereconciler.loop.leader;

import java.util.Optional;

/**
 * Whether this replica may act. Exactly one replica leads at a time; the others stay warm (load desired state,
 * observe, serve status) and take over when the leader stops renewing its lease. Before every mutating call
 * (RunTask, StopTask, Publish) the loop calls {@link #ensureLeader()}.
 */
public interface Leadership {

    /** This replica's id, as shown in status, logs and the {@code reconciler_leader{replica}} metric. */
    String replicaId();

    /**
     * True only while this replica holds a lease that is valid by the local monotonic clock with the safety margin
     * to spare. Turns false on its own when renewals fail, before any other replica can take the lease over.
     */
    boolean isLeader();

    /**
     * The number of the leader term this replica holds (or last held): every new lease holder's is greater than all
     * before it. Writes to the state table are fenced by it, so a deposed leader's late write is refused.
     */
    long term();

    /** Returns normally while {@link #isLeader()}; otherwise throws {@link NotLeaderException}. */
    default void ensureLeader() {
        if (!isLeader()) {
            throw new NotLeaderException(replicaId(), leader());
        }
    }

    /** Who leads and since when: this replica while it leads, otherwise the holder last read from the lease table. */
    Optional<LeaderInfo> leader();

    /**
     * Registers a listener: called at once with the current state, then on every change, on the election's thread,
     * one call at a time. Listeners must return quickly (set a flag, enqueue work): they hold up renewals.
     */
    void addListener(LeadershipListener listener);
}
