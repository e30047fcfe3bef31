package io.fargatereconciler.loop.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.loop.leader.LeaderConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** reconciler.state.* names the state table; the old reconciler.leader.* names still work until removed. */
class StateTableTest {

    @Test
    void theStateTableIsTakenFromReconcilerState() {
        StateTable table = resolve(Map.of("reconciler.state.table", "state", "reconciler.state.region", "eu-west-1",
                "reconciler.state.endpoint-override", "http://127.0.0.1:8000"));

        assertThat(table.name()).contains("state");
        assertThat(table.endpoint().region()).isEqualTo("eu-west-1");
        assertThat(table.endpoint().endpointOverride()).isEqualTo(URI.create("http://127.0.0.1:8000"));
    }

    @Test
    void theDeprecatedLeaderTablePropertiesStillNameTheTable() {
        StateTable table = resolve(Map.of("reconciler.leader.table", "leases",
                "reconciler.leader.endpoint-override", "http://127.0.0.1:8000"));

        assertThat(table.name()).contains("leases");
        assertThat(table.endpoint().endpointOverride()).isEqualTo(URI.create("http://127.0.0.1:8000"));
    }

    @Test
    void theNewPropertyWinsOverTheDeprecatedOne() {
        assertThat(resolve(Map.of("reconciler.leader.table", "leases", "reconciler.state.table", "state")).name())
                .contains("state");
    }

    @Test
    void noTableMeansStateInMemory() {
        assertThat(resolve(Map.of()).name()).isEqualTo(Optional.empty());
    }

    private static StateTable resolve(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(StateConfig.class)
                .withMapping(LeaderConfig.class).withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return StateTable.of(config.getConfigMapping(StateConfig.class), config.getConfigMapping(LeaderConfig.class));
    }
}
