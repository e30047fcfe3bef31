package io.fargatereconciler.loop.state;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.job.JobLedger;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state store without a table (one replica, dev mode): the same items and the same term fencing, kept in this
 * process only. A restart loses them, so it is not {@link #durable()}: a restarted daemon then relies on the restart
 * guard and the clientTokens ECS remembers, as described in docs/high-availability.md.
 */
public final class InMemoryStateStore implements StateStore {
    private record Item(long term, Object value) {
    }

    private final Map<String, Item> items = new HashMap<>();

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public synchronized ClaimedState claim(long term, Collection<ResourceKey> groups, Collection<ResourceKey> jobs) {
        Map<ResourceKey, List<LaunchIntent>> intents = new HashMap<>();
        Map<ResourceKey, JobLedger> ledgers = new HashMap<>();
        for (ResourceKey group : groups) {
            @SuppressWarnings("unchecked")
            List<LaunchIntent> open = (List<LaunchIntent>) claimed(term, "intents/" + group);
            if (open != null) {
                intents.put(group, open);
            }
        }
        for (ResourceKey job : jobs) {
            Object ledger = claimed(term, "ledger/" + job);
            if (ledger != null) {
                ledgers.put(job, (JobLedger) ledger);
            }
        }
        return new ClaimedState(intents, ledgers);
    }

    @Override
    public synchronized void writeIntents(long term, ResourceKey group, List<LaunchIntent> open) {
        write(term, "intents/" + group, List.copyOf(open));
    }

    @Override
    public synchronized void writeLedger(long term, ResourceKey job, JobLedger ledger) {
        write(term, "ledger/" + job, ledger);
    }

    @Override
    public void close() {
        // nothing to release
    }

    private Object claimed(long term, String key) {
        Item item = items.get(key);
        if (item != null && item.term() > term) {
            throw new StateWriteRefused(key, term);
        }
        items.put(key, new Item(term, item == null ? null : item.value()));
        return item == null ? null : item.value();
    }

    private void write(long term, String key, Object value) {
        Item item = items.get(key);
        if (item == null || item.term() != term) {
            throw new StateWriteRefused(key, term);
        }
        items.put(key, new Item(term, value));
    }
}
