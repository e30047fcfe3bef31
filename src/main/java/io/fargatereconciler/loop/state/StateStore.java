package io.fargatereconciler.loop.state;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.job.JobLedger;
import java.util.Collection;
import java.util.List;

/**
 * Durable facts of the leader: each TaskGroup's open launch intents and each Job's run-ledger entry, one item each,
 * in the table that also holds the lease ({@code aws.DynamoDbStateStore}), or in memory when there is no table
 * ({@link InMemoryStateStore}).
 *
 * <p>Writes are fenced by the leader's term ({@code Leadership.term()}, which grows with every new lease holder).
 * A leader first {@link #claim claims} an item for its term, which reads it; from then on the store refuses any write
 * of that item with another term ({@link StateWriteRefused}). So a deposed leader's late write either lands before
 * the new leader's claim (and the new leader reads it) or is refused. Any other failure (the table unreachable,
 * throttled) is thrown as a {@link RuntimeException}: nothing was written.
 */
public interface StateStore extends AutoCloseable {

    /** True when what it keeps outlives this process (a table); false in memory. */
    boolean durable();

    /**
     * Claims the intents of {@code groups} and the ledger entries of {@code jobs} for {@code term} and returns what
     * they hold. Throws {@link StateWriteRefused} when a newer term holds one of them.
     */
    ClaimedState claim(long term, Collection<ResourceKey> groups, Collection<ResourceKey> jobs);

    /** Replaces {@code group}'s open launch intents (claimed for {@code term}). */
    void writeIntents(long term, ResourceKey group, List<LaunchIntent> open);

    /** Replaces {@code job}'s run-ledger entry (claimed for {@code term}). */
    void writeLedger(long term, ResourceKey job, JobLedger ledger);

    @Override
    void close();
}
