package io.fargatereconciler.loop.leader;

import java.util.Optional;

/** Thrown by {@link Leadership#ensureLeader()} when this replica must not act. Expected on standby replicas. */
public final class NotLeaderException extends RuntimeException {
    private final String replicaId;

    public NotLeaderException(String replicaId, Optional<LeaderInfo> leader) {
        super("replica " + replicaId + " does not hold a valid leader lease, so it must not change anything; "
                + leader.map(info -> "the leader is " + info.replicaId()).orElse("no leader is known yet"), null, false,
                false);
        this.replicaId = replicaId;
    }

    public String replicaId() {
        return replicaId;
    }
}
