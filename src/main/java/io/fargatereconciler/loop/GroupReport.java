package io.fargatereconciler.loop;

import io.fargatereconciler.plan.GroupStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the status API shows for one TaskGroup: the planner's {@link GroupStatus} of the last pass (counts,
 * conditions, backoff, hold), plus what the loop saw happen: recent events, the last errors, and when the group's
 * cluster was last observed (null before the first successful observation).
 */
public record GroupReport(GroupStatus status, String cluster, List<GroupEvent> recentEvents, List<String> lastErrors,
                          Instant observedAt) {
    public GroupReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cluster, "cluster");
        recentEvents = List.copyOf(recentEvents);
        lastErrors = List.copyOf(lastErrors);
    }
}
