package io.fargatereconciler.plan;

/**
 * Slow-start batches for a group that is recovering from failed starts (as the Kubernetes ReplicaSet
 * controller's slowStartBatch): while it has failures on record, at most {@code limit} of its copies may be
 * pending (launched but not yet RUNNING) at once. A batch that fully succeeds (every copy RUNNING, no new
 * failure) doubles the limit; a failure sets it back to the initial batch. A mass failure therefore costs a few
 * doomed launches, not a storm. {@code limit} 0 means off: a healthy group launches all it misses at once.
 *
 * @param limit            copies that may be pending at once; 0 when off
 * @param batchOutstanding a batch was launched since the limit last changed
 */
public record SlowStart(int limit, boolean batchOutstanding) {
    public static final SlowStart OFF = new SlowStart(0, false);
    /** Doubling stops here; far above any sensible group, it only keeps the arithmetic from overflowing. */
    static final int MAX_LIMIT = 1 << 16;

    public SlowStart {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    static SlowStart afterFailure(int initialBatch) {
        return new SlowStart(initialBatch, false);
    }

    SlowStart afterLaunched() {
        return limit == 0 ? this : new SlowStart(limit, true);
    }

    /** Doubles once the outstanding batch has no copy pending any more and nothing failed. */
    SlowStart afterObservation(int pending, boolean newFailure) {
        if (limit == 0 || !batchOutstanding || pending > 0 || newFailure) {
            return this;
        }
        return new SlowStart(Math.min(MAX_LIMIT, limit * 2), false);
    }

    /** How many more copies may be launched now, with {@code pending} copies not yet RUNNING. */
    int allowance(int pending) {
        return limit == 0 ? Integer.MAX_VALUE : Math.max(0, limit - pending);
    }
}
