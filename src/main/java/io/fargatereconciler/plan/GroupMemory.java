package io.fargatereconciler.plan;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the planner remembers about one group between passes, because ECS cannot tell it.
 *
 * @param expectations launches and stops ECS may not show yet
 * @param backoff      failed starts and when the group may launch again
 * @param slowStart    the pending-copies limit while recovering from failures
 * @param tokens       clientTokens ECS has already seen for this group
 * @param knownStopped stopped copies already accounted for (counted as a failure or not), by ARN, with when they
 *                     were first seen, so a STOPPED task described in several passes counts once
 * @param lastLaunchAt when the group last got a RunTask call (for fair sharing of the launch budget); null if never
 */
public record GroupMemory(Expectations expectations, Backoff backoff, SlowStart slowStart, ClientTokens tokens,
                          Map<String, Instant> knownStopped, Instant lastLaunchAt) {
    public static final GroupMemory EMPTY = new GroupMemory(Expectations.NONE, Backoff.NONE, SlowStart.OFF,
            ClientTokens.NONE, Map.of(), null);

    public GroupMemory {
        Objects.requireNonNull(expectations, "expectations");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(slowStart, "slowStart");
        Objects.requireNonNull(tokens, "tokens");
        knownStopped = Collections.unmodifiableMap(new TreeMap<>(knownStopped));
    }

    GroupMemory withExpectations(Expectations next) {
        return new GroupMemory(next, backoff, slowStart, tokens, knownStopped, lastLaunchAt);
    }

    GroupMemory withBackoff(Backoff next) {
        return new GroupMemory(expectations, next, slowStart, tokens, knownStopped, lastLaunchAt);
    }

    GroupMemory withSlowStart(SlowStart next) {
        return new GroupMemory(expectations, backoff, next, tokens, knownStopped, lastLaunchAt);
    }

    GroupMemory withTokens(ClientTokens next) {
        return new GroupMemory(expectations, backoff, slowStart, next, knownStopped, lastLaunchAt);
    }

    GroupMemory withKnownStopped(Map<String, Instant> next) {
        return new GroupMemory(expectations, backoff, slowStart, tokens, next, lastLaunchAt);
    }

    GroupMemory withLastLaunchAt(Instant at) {
        return new GroupMemory(expectations, backoff, slowStart, tokens, knownStopped, at);
    }
}
