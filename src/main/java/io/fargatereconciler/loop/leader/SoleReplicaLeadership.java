package io.fargatereconciler.loop.leader;

import java.time.Instant;
import java.util.Optional;

/**
 * Leadership without a lease table ({@code reconciler.leader.table} unset): this replica is assumed to be the only
 * one and always leads. Run exactly one replica in this mode.
 */
public final class SoleReplicaLeadership implements Leadership {
    private final LeaderInfo self;

    public SoleReplicaLeadership(String replicaId, Instant since) {
        this.self = new LeaderInfo(replicaId, since);
    }

    @Override
    public String replicaId() {
        return self.replicaId();
    }

    @Override
    public boolean isLeader() {
        return true;
    }

    /** One term, for the life of the process. */
    @Override
    public long term() {
        return 1;
    }

    @Override
    public Optional<LeaderInfo> leader() {
        return Optional.of(self);
    }

    @Override
    public void addListener(LeadershipListener listener) {
        listener.leadershipChanged(true);
    }
}
