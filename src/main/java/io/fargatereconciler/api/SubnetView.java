package io.fargatereconciler.api;

import io.fargatereconciler.plan.subnet.SubnetStanding;
import io.fargatereconciler.plan.subnet.TestEniOutcome;
import java.time.Instant;

/**
 * The JSON shape of one subnet of a group that is not healthy, on the status API: its {@code state} (PROBING: no recent
 * successful start, it gets a probe batch first; STALLED: a recent stall in PROVISIONING; SUSPECT: another recent
 * failure; AVOIDED: a failure streak or no free IPs), why ({@code NO_RECENT_START}, {@code NO_FREE_IPS},
 * {@code ENI_PROVISIONING_FAILURES}, {@code ENI_PROVISIONING_STALLS}, {@code IP_EXHAUSTION_FAILURES}), its failure
 * score and failures since a copy last started there, its free IPs (null when unknown), the last test-ENI outcome and
 * a sentence for people.
 */
public record SubnetView(String subnetId, String availabilityZone, String state, String why, String rank,
                         double failureScore, int recentFailures, Instant lastFailureAt, String lastFailureReason,
                         Integer freeIps, TestEniOutcome lastTestEni, String description) {
    static SubnetView of(SubnetStanding standing) {
        var health = standing.health();
        return new SubnetView(standing.subnetId(), health.availabilityZone(), standing.state().name(),
                String.valueOf(standing.why()), standing.tier().name(), Math.round(standing.score() * 100) / 100.0,
                health.recentFailures(),
                health.lastFailureAt(), health.lastFailureReason(), standing.freeIps(), health.lastTestEni(),
                standing.describe());
    }
}
