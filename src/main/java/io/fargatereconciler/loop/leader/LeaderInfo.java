package io.fargatereconciler.loop.leader;

import java.time.Instant;
import java.util.Objects;

/** Who leads and since when ({@code since} null when the leader did not record it); for status and metrics. */
public record LeaderInfo(String replicaId, Instant since) {
    public LeaderInfo {
        Objects.requireNonNull(replicaId, "replicaId");
    }
}
