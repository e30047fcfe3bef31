package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RunTask idempotency as ECS keeps it: per cluster, a client token maps to the request it came with and the tasks it
 * launched, for min(24 h, until an hour after the last of those tasks stopped). The same token with the same
 * parameters returns the same tasks; with other parameters it is a ConflictException.
 */
final class ClientTokens {
    private static final long DAY = 24 * 3_600_000L;
    private static final long HOUR = 3_600_000L;

    record Entry(JsonNode parameters, List<SimTask> tasks, List<JsonNode> failures, long createdAt) {
        boolean liveAt(long now) {
            if (now >= createdAt + DAY) {
                return false;
            }
            long lastStop = createdAt;
            for (SimTask task : tasks) {
                if (task.lastStatus() != LifecycleStatus.STOPPED) {
                    return true;
                }
                lastStop = Math.max(lastStop, task.stoppedAt());
            }
            return now < lastStop + HOUR;
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private int insertsSinceSweep;

    Optional<Entry> find(String cluster, String token, long now) {
        Entry entry = entries.get(cluster + '\n' + token);
        return entry != null && entry.liveAt(now) ? Optional.of(entry) : Optional.empty();
    }

    void remember(String cluster, String token, Entry entry) {
        entries.put(cluster + '\n' + token, entry);
        if (++insertsSinceSweep >= 1_000) {
            insertsSinceSweep = 0;
            sweep(entry.createdAt());
        }
    }

    private void sweep(long now) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (!it.next().liveAt(now)) {
                it.remove();
            }
        }
    }
}
