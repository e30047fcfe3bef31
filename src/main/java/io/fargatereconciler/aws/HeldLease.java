package io.fargatereconciler.aws;

import com.amazonaws.services.dynamodbv2.LockItem;
import java.time.Instant;

/** A lease this replica acquired: an opaque handle to renew or release through the {@link LeaseGateway}. */
public final class HeldLease {
    private final LockItem lock;
    private final Instant since;
    private final long term;

    HeldLease(LockItem lock, Instant since, long term) {
        this.lock = lock;
        this.since = since;
        this.term = term;
    }

    LockItem lock() {
        return lock;
    }

    /** The leader term this acquisition began: greater than every earlier holder's. Fences the state items. */
    public long term() {
        return term;
    }

    /** When this replica acquired the lease. */
    public Instant since() {
        return since;
    }

    @Override
    public String toString() {
        return "lease " + lock.getPartitionKey() + " held by " + lock.getOwnerName() + " since " + since + " (term "
                + term + ")";
    }
}
