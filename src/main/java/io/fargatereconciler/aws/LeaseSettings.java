package io.fargatereconciler.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * The lease a replica competes for: the DynamoDB table, the lease's name (its partition key value, so several
 * deployments can share one table), this replica's id (written as the holder) and the lease duration that the other
 * replicas wait out before they take an unrenewed lease over.
 */
public record LeaseSettings(String table, String leaseName, String replicaId, Duration leaseDuration) {
    public LeaseSettings {
        requireText(table, "table");
        requireText(leaseName, "leaseName");
        requireText(replicaId, "replicaId");
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        if (leaseDuration.toMillis() <= 0) {
            throw new IllegalArgumentException("leaseDuration must be positive, was " + leaseDuration);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
