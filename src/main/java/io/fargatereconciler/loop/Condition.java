package io.fargatereconciler.loop;

import java.time.Instant;
import java.util.Objects;

/** A Kubernetes-style status condition: Available, Progressing or Degraded, with a CamelCase reason. */
public record Condition(String type, boolean status, String reason, String message, Instant lastTransitionTime) {
    public Condition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
