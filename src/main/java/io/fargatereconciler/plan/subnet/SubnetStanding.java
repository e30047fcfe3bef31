package io.fargatereconciler.plan.subnet;

import java.time.Instant;
import java.util.Objects;

/**
 * How a subnet stands at one instant, for steering: launches go at full rate to {@link Tier#HEALTHY} subnets (a copy
 * left PROVISIONING there recently, no failure since); a {@link Tier#PROBING} subnet (new, recovering after failures,
 * or quiet for a while) gets a small probe batch first; when a group has neither, its least bad subnet, a
 * {@link Tier#SUSPECT} one (a recent failure) before an {@link Tier#AVOIDED} one (a failure streak, or no free IPs).
 *
 * @param health   what is known about the subnet
 * @param tier     where it ranks
 * @param why      why it is not healthy; null when it is
 * @param score    its failure score now
 * @param freeIps  its free IPs if known and fresh; null otherwise
 */
public record SubnetStanding(SubnetHealth health, Tier tier, Trouble why, double score, Integer freeIps) {

    /** Where a subnet ranks for launches, best first. */
    public enum Tier { HEALTHY, PROBING, SUSPECT, AVOIDED }

    /** Why a subnet is not healthy. */
    public enum Trouble {
        /** EC2 reports fewer free IP addresses than {@code reconciler.subnets.min-free-ips}. */
        NO_FREE_IPS,
        /** Tasks placed here recently stopped with "Timeout waiting for network interface provisioning". */
        ENI_PROVISIONING_FAILURES,
        /** Tasks placed here recently stalled in PROVISIONING (stopped and replaced before ECS's timeout). */
        ENI_PROVISIONING_STALLS,
        /** Tasks placed here recently stopped because the subnet had no free IP address. */
        IP_EXHAUSTION_FAILURES,
        /** No copy of ours left PROVISIONING here recently (new, recovering, or quiet): probed before full rate. */
        NO_RECENT_START
    }

    /** What the status API calls the subnet's state: its tier, with a stall named as such. */
    public enum State { HEALTHY, PROBING, STALLED, SUSPECT, AVOIDED }

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
        Trouble failures = switch (health.lastFailure() == null ? SubnetFailureKind.ENI_PROVISIONING
                : health.lastFailure()) {
            case IP_EXHAUSTED -> Trouble.IP_EXHAUSTION_FAILURES;
            case ENI_PROVISIONING_STALLED -> Trouble.ENI_PROVISIONING_STALLS;
            case ENI_PROVISIONING -> Trouble.ENI_PROVISIONING_FAILURES;
        };
        if (freeIps != null && freeIps < settings.minFreeIps()) {
            return new SubnetStanding(health, Tier.AVOIDED, Trouble.NO_FREE_IPS, score, freeIps);
        }
        if (score >= settings.avoidFrom()) {
            return new SubnetStanding(health, Tier.AVOIDED, failures, score, freeIps);
        }
        if (score >= settings.healthyBelow()) {
            return new SubnetStanding(health, Tier.SUSPECT, failures, score, freeIps);
        }
        if (settings.stall().probes() && !health.startedRecently(now, settings.stall().recentSuccess())) {
            return new SubnetStanding(health, Tier.PROBING, Trouble.NO_RECENT_START, score, freeIps);
        }
        return new SubnetStanding(health, Tier.HEALTHY, null, score, freeIps);
    }

    /** The state the status API shows. */
    public State state() {
        return switch (tier) {
            case HEALTHY -> State.HEALTHY;
            case PROBING -> State.PROBING;
            case SUSPECT -> why == Trouble.ENI_PROVISIONING_STALLS ? State.STALLED : State.SUSPECT;
            case AVOIDED -> State.AVOIDED;
        };
    }

    /** Out of free IPs, or two or more failures since a copy last started here. */
    public boolean hasStreakOrNoIps() {
        return why == Trouble.NO_FREE_IPS
                || (why != null && why != Trouble.NO_RECENT_START && health.recentFailures() >= 2);
    }

    /** One line for conditions and logs: the subnet, why it is not healthy, and the last test-ENI result. */
    public String describe() {
        StringBuilder text = new StringBuilder("subnet ").append(subnetId());
        if (health.availabilityZone() != null) {
            text.append(" (").append(health.availabilityZone()).append(')');
        }
        if (why == Trouble.NO_FREE_IPS) {
            text.append(": ").append(freeIps).append(" free IP addresses");
        } else if (why == Trouble.NO_RECENT_START) {
            text.append(": no copy left PROVISIONING here recently")
                    .append(health.lastStartedAt() == null ? "" : " (last at " + health.lastStartedAt() + ")")
                    .append(", probing before the full launch rate");
        } else if (why != null) {
            text.append(": ").append(health.recentFailures()).append(switch (why) {
                case IP_EXHAUSTION_FAILURES -> " IP-exhaustion failures";
                case ENI_PROVISIONING_STALLS -> " ENI provisioning failures (the last a stall in PROVISIONING)";
                default -> " ENI provisioning failures";
            }).append(", last at ").append(health.lastFailureAt())
                    .append(String.format(" (failure score %.2f)", score));
        }
        if (health.lastTestEni() != null) {
            text.append("; ").append(health.lastTestEni().advice());
        }
        return text.toString();
    }
}
