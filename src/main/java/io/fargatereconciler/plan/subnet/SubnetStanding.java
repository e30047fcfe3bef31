package io.fargatereconciler.plan.subnet;

import java.time.Instant;
import java.util.Objects;

/**
 * How a subnet stands at one instant, for steering: launches go to {@link Tier#HEALTHY} subnets; when a group has
 * none, to its least bad subnet, a {@link Tier#SUSPECT} one (a recent failure) before an {@link Tier#AVOIDED} one (a
 * failure streak, or no free IPs).
 *
 * @param health   what is known about the subnet
 * @param tier     where it ranks
 * @param why      why it is not healthy; null when it is
 * @param score    its failure score now
 * @param freeIps  its free IPs if known and fresh; null otherwise
 */
public record SubnetStanding(SubnetHealth health, Tier tier, Trouble why, double score, Integer freeIps) {

    public enum Tier { HEALTHY, SUSPECT, AVOIDED }

    /** Why a subnet is not healthy. */
    public enum Trouble {
        /** EC2 reports fewer free IP addresses than {@code reconciler.subnets.min-free-ips}. */
        NO_FREE_IPS,
        /** Tasks placed here recently stopped with "Timeout waiting for network interface provisioning". */
        ENI_PROVISIONING_FAILURES,
        /** Tasks placed here recently stopped because the subnet had no free IP address. */
        IP_EXHAUSTION_FAILURES
    }

    public SubnetStanding {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(tier, "tier");
    }

    public String subnetId() {
        return health.subnetId();
    }

    static SubnetStanding of(SubnetHealth health, SubnetHealthSettings settings, Instant now) {
        double score = health.scoreAt(now, settings.halfLife());
        Integer freeIps = health.freeIpsAt(now, settings.freeIpsValidFor());
        Trouble failures = health.lastFailure() == SubnetFailureKind.IP_EXHAUSTED ? Trouble.IP_EXHAUSTION_FAILURES
                : Trouble.ENI_PROVISIONING_FAILURES;
        if (freeIps != null && freeIps < settings.minFreeIps()) {
            return new SubnetStanding(health, Tier.AVOIDED, Trouble.NO_FREE_IPS, score, freeIps);
        }
        if (score >= settings.avoidFrom()) {
            return new SubnetStanding(health, Tier.AVOIDED, failures, score, freeIps);
        }
        if (score >= settings.healthyBelow()) {
            return new SubnetStanding(health, Tier.SUSPECT, failures, score, freeIps);
        }
        return new SubnetStanding(health, Tier.HEALTHY, null, score, freeIps);
    }

    /** Out of free IPs, or two or more failures since a copy last started here. */
    public boolean hasStreakOrNoIps() {
        return why == Trouble.NO_FREE_IPS || (why != null && health.recentFailures() >= 2);
    }

    /** One line for conditions and logs: the subnet, why it is not healthy, and the last test-ENI result. */
    public String describe() {
        StringBuilder text = new StringBuilder("subnet ").append(subnetId());
        if (health.availabilityZone() != null) {
            text.append(" (").append(health.availabilityZone()).append(')');
        }
        if (why == Trouble.NO_FREE_IPS) {
            text.append(": ").append(freeIps).append(" free IP addresses");
        } else if (why != null) {
            text.append(": ").append(health.recentFailures()).append(why == Trouble.IP_EXHAUSTION_FAILURES
                    ? " IP-exhaustion failures" : " ENI provisioning failures").append(", last at ")
                    .append(health.lastFailureAt()).append(String.format(" (failure score %.2f)", score));
        }
        if (health.lastTestEni() != null) {
            text.append("; ").append(health.lastTestEni().advice());
        }
        return text.toString();
    }
}
