package io.fargatereconciler.loop.state;

import io.fargatereconciler.aws.AwsEndpoint;
import io.fargatereconciler.loop.leader.LeaderConfig;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The state table in force: {@code reconciler.state.*}, or the deprecated {@code reconciler.leader.table},
 * {@code .region} and {@code .endpoint-override} it replaces (each used one logs a warning naming its successor).
 *
 * @param name     the table, empty when none is set (one replica, state in memory)
 * @param endpoint where its client connects
 */
public record StateTable(Optional<String> name, AwsEndpoint endpoint) {
    private static final Logger LOG = Logger.getLogger(StateTable.class);

    public StateTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public static StateTable of(StateConfig state, LeaderConfig leader) {
        Optional<String> name = chosen(state.table(), leader.table(), "table");
        Optional<String> region = chosen(state.region(), leader.region(), "region");
        Optional<java.net.URI> endpoint = chosen(state.endpointOverride(), leader.endpointOverride(),
                "endpoint-override");
        return new StateTable(name.filter(table -> !table.isBlank()),
                new AwsEndpoint(region.orElse(null), endpoint.orElse(null)));
    }

    private static <T> Optional<T> chosen(Optional<T> current, Optional<T> deprecated, String property) {
        if (deprecated.isEmpty()) {
            return current;
        }
        String old = "reconciler.leader." + property;
        String successor = "reconciler.state." + property;
        if (current.isPresent() && !current.equals(deprecated)) {
            LOG.warnf("%s is deprecated and ignored because %s is set (%s); remove %s", old, successor, current.get(),
                    old);
            return current;
        }
        LOG.warnf("%s is deprecated: set %s (%s) instead; it names the table that holds the lease, the run ledger"
                + " and the launch intents", old, successor, successor.toUpperCase().replace('.', '_').replace('-', '_'));
        return current.isPresent() ? current : deprecated;
    }
}
