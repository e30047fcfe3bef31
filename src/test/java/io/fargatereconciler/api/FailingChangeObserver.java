package io.fargatereconciler.api;

import io.fargatereconciler.desired.DesiredStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;

/**
 * An observer of desired-state changes that always fails, as a buggy one would. In {@link FailingObserverProfile}
 * only (an alternative, enabled by that profile).
 */
@Alternative
@ApplicationScoped
public class FailingChangeObserver {
    static final String FAILURE = "observer bug: cannot handle revision";

    void fail(@Observes DesiredStateChanged changed) {
        throw new IllegalStateException(FAILURE + " " + changed.revision());
    }
}
