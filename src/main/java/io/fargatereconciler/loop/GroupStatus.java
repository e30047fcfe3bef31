package io.fargatereconciler.loop;

import io.fargatereconciler.desired.ResourceKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the status API shows for one TaskGroup. {@code pending} counts live copies not yet RUNNING,
 * {@code outdated} live copies of an older spec; {@code nextRetryAt} is null when no backoff is running;
 * {@code observedAt} is null before the group's cluster was first observed.
 */
public record GroupStatus(ResourceKey group, String cluster, int desired, int running, int pending, int outdated,
                          List<Condition> conditions, List<String> lastErrors, Instant nextRetryAt,
                          List<GroupEvent> recentEvents, Instant observedAt) {
    public GroupStatus {
        Objects.requireNonNull(group, "group");
        conditions = List.copyOf(conditions);
        lastErrors = List.copyOf(lastErrors);
        recentEvents = List.copyOf(recentEvents);
    }

    public Condition condition(String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no condition " + type));
    }
}
