package io.fargatereconciler.loop.leader;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code reconciler.leader.*}: leader election with a lease in the state table ({@code reconciler.state.table}).
 * Documented in docs/configuration.md.
 */
@ConfigMapping(prefix = "reconciler.leader")
public interface LeaderConfig {

    /** Deprecated: use {@code reconciler.state.table} (the lease lives in the state table). */
    Optional<String> table();

    /** The lease's partition key value; deployments sharing a table use different names. */
    @WithDefault("fargate-reconciler")
    String leaseName();

    /** This replica's id in the lease table, logs and metrics; defaults to the host name. */
    Optional<String> replicaId();

    @WithDefault("20s")
    Duration leaseDuration();

    @WithDefault("5s")
    Duration heartbeat();

    @WithDefault("5s")
    Duration safetyMargin();

    @WithDefault("2s")
    Duration standbyPoll();

    /** Deprecated: use {@code reconciler.state.region}. */
    Optional<String> region();

    /** Deprecated: use {@code reconciler.state.endpoint-override}. */
    Optional<URI> endpointOverride();

    default LeaseTiming timing() {
        return new LeaseTiming(leaseDuration(), heartbeat(), safetyMargin(), standbyPoll());
    }
}
