package io.fargatereconciler.api;

import io.fargatereconciler.loop.GroupEvent;
import io.fargatereconciler.loop.GroupReport;
import io.fargatereconciler.plan.Condition;
import io.fargatereconciler.plan.CopyCounts;
import io.fargatereconciler.plan.Failure;
import io.fargatereconciler.plan.GroupStatus;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shape of one group on the status API. {@code nextRetryAt} is when the reconciler looks at the group
 * again because a timer ends (backoff, launch budget, throttling pause, an expected launch timing out); null when
 * only a change or the periodic resync will. {@code hold} says why fewer copies were launched than are missing.
 * {@code launchSubnets} are where the next launch goes (subnet steering), {@code unhealthySubnets} the group's
 * subnets that are not healthy, with why; {@code allSubnetsBad} says no subnet of the group is healthy and the least
 * bad one is used.
 */
public record GroupStatusView(String kind, String name, String cluster, int desired, int running, int pending,
                              int upToDate, int stopping, List<Condition> conditions, int failedStarts,
                              Failure lastFailure, Instant backoffUntil, String hold, String holdReason,
                              Instant nextRetryAt,
                              List<String> lastErrors, List<GroupEvent> recentEvents, Instant observedAt,
                              List<String> launchSubnets, List<SubnetView> unhealthySubnets, boolean allSubnetsBad) {
    static GroupStatusView of(GroupReport report, Instant now) {
        GroupStatus status = report.status();
        CopyCounts copies = status.copies();
        return new GroupStatusView(status.group().kind().name(), status.group().name(), report.cluster(),
                copies.desired(), copies.running(), copies.pending(), copies.upToDate(), copies.stopping(),
                status.conditions(), status.failures(), status.lastFailure(), status.backoffUntil(),
                status.hold().name(), status.holdReason(now), status.nextLookAt(), report.lastErrors(),
                report.recentEvents(),
                report.observedAt(), status.subnets().subnets(),
                status.subnets().unhealthy().stream().map(SubnetView::of).toList(), status.subnets().allBad());
    }
}
