package io.fargatereconciler.loop.state;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/**
 * {@code reconciler.state.*}: the DynamoDB table that holds the leader lease, the Job run ledger and the launch
 * intents (one table, partition key {@code key}). Documented in docs/configuration.md and docs/high-availability.md.
 */
@ConfigMapping(prefix = "reconciler.state")
public interface StateConfig {

    /**
     * The state table. Unset: this replica is the only one and always leads, and the run ledger and launch intents
     * live in memory only (lost on restart).
     */
    Optional<String> table();

    /** The table's region; unset means the SDK's default region chain. */
    Optional<String> region();

    /** A DynamoDB endpoint to use instead of AWS's (a VPC endpoint, or dynalite for local runs). */
    Optional<URI> endpointOverride();
}
