package io.fargatereconciler.devsim;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The same own folder on an embedded simulator that refuses nearly every call the seeding makes. */
public class ThrottledSimulatorProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "reconciler.desired-state.path", "src/test/resources/devsim/own-folder",
                "reconciler.simulator.config", "src/test/resources/devsim/throttled-account.yaml");
    }
}
