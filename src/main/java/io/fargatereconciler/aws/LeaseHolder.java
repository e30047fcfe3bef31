package io.fargatereconciler.aws;

import java.time.Instant;
import java.util.Objects;

/** Who holds a lease according to the table, and since when (null when the holder did not record it). */
public record LeaseHolder(String replicaId, Instant since) {
    public LeaseHolder {
        Objects.requireNonNull(replicaId, "replicaId");
    }
}
