package io.fargatereconciler.loop;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.NotificationEvent;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.plan.Condition;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.subnet.SubnetStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells people when a TaskGroup's state changes, never per attempt: it becomes Degraded, it recovers, a copy reached
 * RUNNING after failed starts (once per run of failures). Deduplicated by remembering what was announced per group;
 * rate-limited to one Degraded/Recovered message per group per {@code minInterval} (a flip and flop within it sends
 * nothing), so an outage sends one Degraded and one Recovered, not one per failed task. A standby tracks the same
 * state without sending, so a new leader does not repeat what its predecessor announced.
 */
public final class GroupNotifications {
    private final NotificationPublisher publisher;
    private final Duration minInterval;
    private final Map<ResourceKey, Announced> announced = new HashMap<>();

    public GroupNotifications(NotificationPublisher publisher, Duration minInterval) {
        this.publisher = publisher;
        this.minInterval = minInterval;
    }

    /** Notifications are only logged. */
    public static GroupNotifications loggedOnly() {
        return new GroupNotifications(NotificationPublisher.loggedOnly(), Duration.ofMinutes(10));
    }

    /** What was announced for one group, and the lowest RUNNING count since its failed starts began (-1: none). */
    private static final class Announced {
        boolean degraded;
        Instant lastSentAt;
        int lowestRunningSinceFailures = -1;
        boolean startedAfterFailuresSent;
    }

    /** After a pass: notifies what changed ({@code send} false on a standby: only tracks). */
    void afterPass(DesiredState desired, Map<ResourceKey, GroupStatus> statuses, Instant now, boolean send) {
        announced.keySet().removeIf(key -> !statuses.containsKey(key));
        for (TaskGroup group : desired.taskGroups()) {
            GroupStatus status = statuses.get(group.key());
            if (status == null || status.condition(Condition.Type.Degraded).status() == Condition.Status.Unknown) {
                continue;
            }
            Announced state = announced.computeIfAbsent(group.key(), key -> new Announced());
            if (startedAfterFailures(state, status) && send) {
                publish(group, NotificationEvent.StartedAfterFailures, status, now);
            }
            boolean degraded = status.condition(Condition.Type.Degraded).status() == Condition.Status.True;
            boolean quiet = state.lastSentAt == null || !now.isBefore(state.lastSentAt.plus(minInterval));
            if (degraded != state.degraded && quiet) {
                if (send) {
                    publish(group, degraded ? NotificationEvent.Degraded : NotificationEvent.Recovered, status, now);
                }
                state.degraded = degraded;
                state.lastSentAt = now;
            }
        }
    }

    /** True once per run of failed starts: when RUNNING copies rise above their lowest since the failures began. */
    private static boolean startedAfterFailures(Announced state, GroupStatus status) {
        int running = status.copies().running();
        if (status.failures() == 0) {
            state.lowestRunningSinceFailures = -1;
            state.startedAfterFailuresSent = false;
            return false;
        }
        if (state.lowestRunningSinceFailures < 0 || running < state.lowestRunningSinceFailures) {
            state.lowestRunningSinceFailures = running;
            return false;
        }
        if (running > state.lowestRunningSinceFailures && !state.startedAfterFailuresSent) {
            state.startedAfterFailuresSent = true;
            return true;
        }
        return false;
    }

    private void publish(TaskGroup group, NotificationEvent kind, GroupStatus status, Instant now) {
        Condition degraded = status.condition(Condition.Type.Degraded);
        String name = group.metadata().name();
        String subject = switch (kind) {
            case Degraded -> "fargate-reconciler: TaskGroup " + name + " degraded (" + degraded.reason() + ")";
            case Recovered -> "fargate-reconciler: TaskGroup " + name + " recovered, " + status.copies().running()
                    + " of " + status.copies().desired() + " copies running";
            default -> "fargate-reconciler: TaskGroup " + name + " has a copy RUNNING again after "
                    + status.failures() + " failed starts";
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", kind.name());
        body.put("kind", "TaskGroup");
        body.put("group", name);
        body.put("cluster", group.task().cluster());
        body.put("at", now);
        body.put("degraded", Map.of("status", degraded.status().name(), "reason", degraded.reason(),
                "message", degraded.message()));
        body.put("copies", Map.of("desired", status.copies().desired(), "running", status.copies().running(),
                "pending", status.copies().pending()));
        body.put("failedStarts", status.failures());
        body.put("launchSubnets", status.subnets().subnets());
        body.put("unhealthySubnets", status.subnets().unhealthy().stream().map(GroupNotifications::subnet).toList());
        body.put("runbook", "docs/runbook-eni.md");
        publisher.publish(group.key(), group.task().notifications(), kind, subject, body);
    }

    private static Map<String, Object> subnet(SubnetStanding standing) {
        Map<String, Object> subnet = new LinkedHashMap<>();
        subnet.put("subnetId", standing.subnetId());
        subnet.put("availabilityZone", standing.health().availabilityZone());
        subnet.put("why", String.valueOf(standing.why()));
        subnet.put("failureScore", Math.round(standing.score() * 100) / 100.0);
        subnet.put("recentFailures", standing.health().recentFailures());
        subnet.put("lastFailureAt", standing.health().lastFailureAt());
        subnet.put("freeIps", standing.freeIps());
        var test = standing.health().lastTestEni();
        subnet.put("lastTestEni", test == null ? null : Map.of("at", test.at(), "result", test.result().name(),
                "detail", test.detail(), "advice", test.advice()));
        subnet.put("description", standing.describe());
        return subnet;
    }
}
