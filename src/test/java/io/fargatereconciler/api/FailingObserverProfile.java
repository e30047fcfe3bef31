package io.fargatereconciler.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** The daemon as wired for tests (the example desired state on the embedded simulator) plus an observer that fails. */
public class FailingObserverProfile implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FailingChangeObserver.class);
    }
}
