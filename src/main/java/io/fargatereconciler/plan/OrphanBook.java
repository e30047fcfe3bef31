package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The planner's memory of orphans: per undeclared group, since when it has been orphaned, its copies as last
 * observed (kept while their cluster is not observed, as in a pass over some groups only), and the StopTask calls
 * sent for them, so a copy ECS still lists as live is not stopped again within the expectation timeout.
 */
public record OrphanBook(Map<ResourceKey, Entry> groups) {
    public static final OrphanBook EMPTY = new OrphanBook(Map.of());

    public OrphanBook {
        groups = Collections.unmodifiableMap(new TreeMap<>(groups));
    }

    /** One orphaned group: since when, its copies, and the stops sent by task ARN. */
    public record Entry(Instant since, java.util.List<OrphanTask> tasks, Map<String, Instant> stopsSent) {
        public Entry {
            tasks = java.util.List.copyOf(tasks);
            stopsSent = Map.copyOf(stopsSent);
        }

        boolean stopSentRecently(String taskArn, Instant now, Duration expectationTimeout) {
            Instant sent = stopsSent.get(taskArn);
            return sent != null && now.isBefore(sent.plus(expectationTimeout));
        }
    }

    public Optional<Entry> entry(ResourceKey group) {
        return Optional.ofNullable(groups.get(group));
    }

    /** A StopTask was sent (and accepted) for one of the group's copies. */
    OrphanBook afterStop(ResourceKey group, String taskArn, Instant now) {
        Entry entry = groups.get(group);
        if (entry == null) {
            return this;
        }
        Map<String, Instant> sent = new TreeMap<>(entry.stopsSent());
        sent.put(taskArn, now);
        Map<ResourceKey, Entry> next = new TreeMap<>(groups);
        next.put(group, new Entry(entry.since(), entry.tasks(), sent));
        return new OrphanBook(next);
    }
}
