package io.fargatereconciler.api;

import io.fargatereconciler.plan.subnet.StallThreshold;
import io.fargatereconciler.plan.subnet.SubnetHealth;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import io.fargatereconciler.plan.subnet.SubnetStanding;
import io.fargatereconciler.plan.subnet.TestEniOutcome;
import java.time.Instant;

/**
 * The JSON shape of one subnet on {@code GET /api/v1/subnets}: its state for launches (HEALTHY, PROBING, STALLED,
 * SUSPECT, AVOIDED) and why, its failure score and failures since a copy last started there, when a copy of ours last
 * left PROVISIONING there and how many recent starts are known, the stall threshold in force and how it was derived,
 * its free IPs (null when unknown), the last test-ENI outcome and a sentence for people.
 */
public record SubnetStatusView(String subnetId, String availabilityZone, String state, String why,
                               double failureScore, int recentFailures, String lastFailure, Instant lastFailureAt,
                               Instant lastStartedAt, int recentStarts, double stallThresholdSeconds,
                               String stallThresholdBasis, Integer freeIps, TestEniOutcome lastTestEni,
                               String description) {
    static SubnetStatusView of(SubnetHealthBook book, String subnetId, Instant now) {
        SubnetStanding standing = book.standing(subnetId, now);
        SubnetHealth health = standing.health();
        StallThreshold threshold = book.stallThreshold(subnetId);
        return new SubnetStatusView(subnetId, health.availabilityZone(), standing.state().name(),
                standing.why() == null ? null : standing.why().name(), Math.round(standing.score() * 100) / 100.0,
                health.recentFailures(), health.lastFailure() == null ? null : health.lastFailure().name(),
                health.lastFailureAt(), health.lastStartedAt(), health.times().size(),
                threshold.value().toMillis() / 1000.0, threshold.basis(), standing.freeIps(), health.lastTestEni(),
                standing.describe());
    }
}
