package io.fargatereconciler.aws;

import com.amazonaws.services.dynamodbv2.LockItem;
import java.time.Instant;

/** A lease this replica acquired: an opaque handle to renew or release through the {@link LeaseGateway}. */
public final class HeldLease {
    private final LockItem lock;
    private final Instant since;

    HeldLease(LockItem lock, Instant since) {
        this.lock = lock;
        this.since = since;
    }

    LockItem lock() {
        return lock;
    }

    /** When this replica acquired the lease. */
    public Instant since() {
        return since;
    }

    @Override
    public String toString() {
        return "lease " + lock.getPartitionKey() + " held by " + lock.getOwnerName() + " since " + since;
    }
}
