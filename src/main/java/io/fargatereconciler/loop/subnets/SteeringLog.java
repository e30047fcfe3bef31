package io.fargatereconciler.loop.subnets;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.DecisionLine;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import io.fargatereconciler.plan.subnet.SubnetStanding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One log line per group when its steering changes (a subnet starts or stops being avoided, or every subnet is
 * bad), not one per pass.
 */
final class SteeringLog {
    private static final Logger LOG = Logger.getLogger(SteeringLog.class);

    private record Seen(List<String> avoided, boolean allBad) {
    }

    private final Map<ResourceKey, Seen> seen = new HashMap<>();

    void afterPass(Map<ResourceKey, GroupStatus> statuses) {
        seen.keySet().removeIf(key -> !statuses.containsKey(key));
        statuses.forEach((group, status) -> {
            SubnetChoice choice = status.subnets();
            Seen now = new Seen(choice.avoided().stream().map(SubnetStanding::subnetId).toList(), choice.allBad());
            Seen before = seen.put(group, now);
            if (now.equals(before) || (before == null && now.avoided().isEmpty() && !now.allBad())) {
                return;
            }
            String unhealthy = choice.unhealthy().stream().map(SubnetStanding::describe)
                    .collect(Collectors.joining("; "));
            if (now.allBad()) {
                DecisionLine.group(group, "steer").with("subnets", choice.subnets()).quoted("reason",
                        "every subnet of the group is failing (" + unhealthy + "); launching at the backoff rate into"
                        + " the least bad one; see docs/runbook-eni.md").warn(LOG);
            } else if (!now.avoided().isEmpty()) {
                DecisionLine.group(group, "steer").with("subnets", choice.subnets()).with("avoid", now.avoided())
                        .quoted("reason", unhealthy).warn(LOG);
            } else {
                DecisionLine.group(group, "steer").with("subnets", choice.subnets())
                        .quoted("reason", "no subnet of the group is avoided any more").info(LOG);
            }
        });
    }
}
