package io.fargatereconciler.api;

import io.fargatereconciler.loop.Condition;
import io.fargatereconciler.loop.GroupEvent;
import io.fargatereconciler.loop.GroupStatus;
import java.time.Instant;
import java.util.List;

/** The JSON shape of one group on the status API. */
public record GroupStatusView(String kind, String name, String cluster, int desired, int running, int pending,
                              int outdated, List<Condition> conditions, List<String> lastErrors, Instant nextRetryAt,
                              List<GroupEvent> recentEvents, Instant observedAt) {
    static GroupStatusView of(GroupStatus status) {
        return new GroupStatusView(status.group().kind().name(), status.group().name(), status.cluster(),
                status.desired(), status.running(), status.pending(), status.outdated(), status.conditions(),
                status.lastErrors(), status.nextRetryAt(), status.recentEvents(), status.observedAt());
    }
}
