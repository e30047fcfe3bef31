package io.fargatereconciler.plan;

import java.util.Objects;

/** A Kubernetes-style status condition of a group, as the status API shows it. */
public record Condition(Type type, Status status, String reason, String message) {

    public enum Type {
        /** Enough copies are RUNNING: at least desired - maxUnavailable. */
        Available,
        /** The group is on its way to its desired state (launching, stopping, rolling, waiting for copies). */
        Progressing,
        /** Copies are missing and their starts keep failing. */
        Degraded
    }

    public enum Status { True, False, Unknown }

    public Condition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
