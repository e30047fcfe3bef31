package io.fargatereconciler.loop;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.Condition;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.Hold;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One log line per hold: when a group's launches become held back for a reason (restart guard, backoff, budget, ...),
 * the leader logs it once, with the reason and until when, as the group's Progressing condition says it; again only
 * when the reason changes or the hold ends.
 */
final class HoldLog {
    private static final Logger LOG = Logger.getLogger(HoldLog.class);

    private final Map<ResourceKey, Hold> logged = new HashMap<>();

    void report(Map<ResourceKey, GroupStatus> groups) {
        logged.keySet().retainAll(groups.keySet());
        for (GroupStatus status : groups.values()) {
            Hold hold = status.hold().holdsBack() ? status.hold() : Hold.NONE;
            Hold before = logged.getOrDefault(status.group(), Hold.NONE);
            if (hold == before) {
                continue;
            }
            if (hold == Hold.NONE) {
                DecisionLine.group(status.group(), "hold-ended").with("hold", before)
                        .quoted("reason", "launches are no longer held back").debug(LOG);
                logged.remove(status.group());
            } else {
                Condition progressing = status.condition(Condition.Type.Progressing);
                DecisionLine.group(status.group(), "hold").with("hold", hold).quoted("reason", progressing.message())
                        .info(LOG);
                logged.put(status.group(), hold);
            }
        }
    }

    /** A standby logs no holds; it starts afresh when it leads. */
    void forget() {
        logged.clear();
    }
}
