package io.fargatereconciler.loop;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Set;

/** The daemon with a lease table and an event queue, and a recording work queue in place of the loop's. */
public final class EventsAndLeaseProfile implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(RecordingLoopWorkQueue.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EventsAndLeaseServers.class));
    }
}
