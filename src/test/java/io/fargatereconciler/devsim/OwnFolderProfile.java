package io.fargatereconciler.devsim;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Dev mode with a user's own desired-state folder (a revision above 100) on an empty embedded simulator with the
 * published throttling limits; short task lifecycles and resyncs so convergence shows within seconds.
 */
public class OwnFolderProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "reconciler.desired-state.path", "src/test/resources/devsim/own-folder",
                "reconciler.simulator.config", "src/test/resources/devsim/empty-account.yaml",
                "reconciler.loop.resync-interval", "1s");
    }
}
