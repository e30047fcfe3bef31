package io.fargatereconciler.loop.leader;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** {@code reconciler.leader.*}: leader election with a DynamoDB lease. Documented in docs/configuration.md. */
@ConfigMapping(prefix = "reconciler.leader")
public interface LeaderConfig {

    /** The DynamoDB lease table; unset means this replica is the only one and always leads. */
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

    /** The lease table's region; unset means the SDK's default region chain. */
    Optional<String> region();

    /** A DynamoDB endpoint to use instead of AWS's (a VPC endpoint, or dynalite for local runs). */
    Optional<URI> endpointOverride();

    default LeaseTiming timing() {
        return new LeaseTiming(leaseDuration(), heartbeat(), safetyMargin(), standbyPoll());
    }
}
