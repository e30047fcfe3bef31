package io.fargatereconciler.desired;

import java.util.Objects;
import java.util.Optional;

/**
 * CDI event fired (synchronously, on the watcher's thread) when a new valid desired state takes force. Observers
 * should only take note, for example wake the reconcile loop, and return quickly.
 */
public record DesiredStateChanged(DesiredState previousOrNull, DesiredState current, String revision) {
    public DesiredStateChanged {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(revision, "revision");
    }

    /** The state that was in force before; empty for the first state loaded. */
    public Optional<DesiredState> previous() {
        return Optional.ofNullable(previousOrNull);
    }
}
