package io.fargatereconciler.loop.state;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.job.JobLedger;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a leader read back when it claimed items for its term: the open launch intents of each group that has
 * recorded any (an empty list when all have settled; a group no leader ever recorded intents for is absent) and the
 * run-ledger entry of each job that has one.
 */
public record ClaimedState(Map<ResourceKey, List<LaunchIntent>> intents, Map<ResourceKey, JobLedger> ledgers) {
    public ClaimedState {
        Map<ResourceKey, List<LaunchIntent>> copied = new TreeMap<>();
        intents.forEach((group, open) -> copied.put(group, List.copyOf(open)));
        intents = Collections.unmodifiableMap(copied);
        ledgers = Collections.unmodifiableMap(new TreeMap<>(ledgers));
    }
}
