package io.fargatereconciler.aws;

import java.time.Instant;
import java.util.Optional;

/**
 * A lease in a shared table: at most one replica holds it; the holder renews it; a lease nobody renews for one lease
 * duration may be taken over. Translates to the store's calls and decides nothing: when to renew and whether this
 * replica may act is the election's business. Transient failures surface as SDK exceptions.
 */
public interface LeaseGateway extends AutoCloseable {

    /**
     * Takes the lease if it is free, released, or unrenewed for one lease duration since this replica first saw it;
     * records {@code since} as the start of leadership. Returns empty while another replica's lease is live. Never
     * waits for a lease to expire: call again later.
     */
    Optional<HeldLease> tryAcquire(Instant since);

    /** Renews a held lease; false when it was lost (another replica took it over after it went unrenewed). */
    boolean renew(HeldLease lease);

    /** Gives the lease up so another replica can take it at once. */
    void release(HeldLease lease);

    /** The replica the table names as holder (possibly one that died and whose lease is running out). */
    Optional<LeaseHolder> currentHolder();

    @Override
    void close();
}
