package io.fargatereconciler.plan.subnet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is known about one subnet: its decaying failure score, the failures since a copy last started there, when a
 * copy of ours last left PROVISIONING there and how long recent ones took, its free IP addresses as EC2 last reported
 * them, and the last test-ENI diagnosis. Immutable; the {@code after...}/{@code with...} methods return the next state.
 *
 * @param subnetId          the subnet
 * @param score             the failure score as of {@code scoredAt} (decays with {@link SubnetHealthSettings#halfLife})
 * @param scoredAt          when {@code score} was last brought up to date; null before the first failure
 * @param recentFailures    failures since a copy last started here (not decayed, for messages)
 * @param lastFailure       the kind of the latest failure; null if none
 * @param lastFailureAt     when it happened
 * @param lastFailureReason ECS's stopped reason for it (or the stall's)
 * @param lastStartedAt     when a copy of ours last left PROVISIONING here (its network interface was ready): the
 *                          latest proof that the subnet provisions ENIs; null if never seen
 * @param times             how long recent starts here took to leave PROVISIONING
 * @param freeIps           EC2's AvailableIpAddressCount; null while unknown
 * @param freeIpsAt         when EC2 reported it
 * @param availabilityZone  the subnet's zone, once EC2 told; null before
 * @param lastTestEni       the latest test-ENI diagnosis; null if none ran
 */
public record SubnetHealth(String subnetId, double score, Instant scoredAt, int recentFailures,
                           SubnetFailureKind lastFailure, Instant lastFailureAt, String lastFailureReason,
                           Instant lastStartedAt, ProvisioningTimes times, Integer freeIps, Instant freeIpsAt,
                           String availabilityZone, TestEniOutcome lastTestEni) {

    public SubnetHealth {
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(times, "times");
        if (score < 0 || Double.isNaN(score)) {
            throw new IllegalArgumentException("score must not be negative");
        }
        if (recentFailures < 0) {
            throw new IllegalArgumentException("recentFailures must not be negative");
        }
    }

    /** A subnet nothing is known about yet. */
    public static SubnetHealth unknown(String subnetId) {
        return new SubnetHealth(subnetId, 0, null, 0, null, null, null, null, ProvisioningTimes.NONE, null, null, null,
                null);
    }

    /** The failure score at {@code now}: {@code score} halved for every {@code halfLife} since {@code scoredAt}. */
    public double scoreAt(Instant now, Duration halfLife) {
        if (scoredAt == null || score == 0) {
            return 0;
        }
        return decayed(score, scoredAt, now, halfLife);
    }

    /** The free-IP count if EC2 reported it within {@code validFor} before {@code now}. */
    public Integer freeIpsAt(Instant now, Duration validFor) {
        if (freeIps == null || freeIpsAt == null || freeIpsAt.plus(validFor).isBefore(now)) {
            return null;
        }
        return freeIps;
    }

    /**
     * Whether a copy left PROVISIONING here after the latest failure and within {@code recent} before {@code now}:
     * the subnet has shown lately that it provisions ENIs.
     */
    public boolean startedRecently(Instant now, Duration recent) {
        return lastStartedAt != null && (lastFailureAt == null || lastStartedAt.isAfter(lastFailureAt))
                && !lastStartedAt.plus(recent).isBefore(now);
    }

    /**
     * After a failure of {@code kind} that happened at {@code at} (a stopped task's stoppedAt may be in the past:
     * an old failure counts for less, and one older than a copy that started here since counts for nothing).
     */
    SubnetHealth afterFailure(SubnetFailureKind kind, String reason, Instant at, Instant now, Duration halfLife) {
        if (lastStartedAt != null && at.isBefore(lastStartedAt)) {
            return this; // a copy started here after this failure: the subnet worked since
        }
        Instant from = scoredAt == null || now.isAfter(scoredAt) ? now : scoredAt;
        double next = scoreAt(from, halfLife) + decayed(1.0, at, from, halfLife);
        boolean latest = lastFailureAt == null || !at.isBefore(lastFailureAt);
        return new SubnetHealth(subnetId, next, from, recentFailures + 1, latest ? kind : lastFailure,
                latest ? at : lastFailureAt, latest ? reason : lastFailureReason, lastStartedAt, times, freeIps,
                freeIpsAt, availabilityZone, lastTestEni);
    }

    /**
     * After copies left PROVISIONING here, the latest at {@code startedAt}, having taken {@code took}: if that was
     * after the latest failure, the subnet provisions ENIs again and its score goes back to 0.
     */
    SubnetHealth afterStarted(Instant startedAt, List<ProvisioningTimes.Sample> took, int window) {
        ProvisioningTimes nextTimes = times.with(took, window);
        if (lastStartedAt != null && !startedAt.isAfter(lastStartedAt)) {
            return nextTimes == times ? this : new SubnetHealth(subnetId, score, scoredAt, recentFailures, lastFailure,
                    lastFailureAt, lastFailureReason, lastStartedAt, nextTimes, freeIps, freeIpsAt, availabilityZone,
                    lastTestEni);
        }
        if (lastFailureAt != null && !startedAt.isAfter(lastFailureAt)) {
            return new SubnetHealth(subnetId, score, scoredAt, recentFailures, lastFailure, lastFailureAt,
                    lastFailureReason, startedAt, nextTimes, freeIps, freeIpsAt, availabilityZone, lastTestEni);
        }
        return new SubnetHealth(subnetId, 0, startedAt, 0, lastFailure, lastFailureAt, lastFailureReason, startedAt,
                nextTimes, freeIps, freeIpsAt, availabilityZone, lastTestEni);
    }

    SubnetHealth withFreeIps(int count, String zone, Instant at) {
        return new SubnetHealth(subnetId, score, scoredAt, recentFailures, lastFailure, lastFailureAt,
                lastFailureReason, lastStartedAt, times, count, at, zone == null ? availabilityZone : zone, lastTestEni);
    }

    SubnetHealth withTestEni(TestEniOutcome outcome) {
        return new SubnetHealth(subnetId, score, scoredAt, recentFailures, lastFailure, lastFailureAt,
                lastFailureReason, lastStartedAt, times, freeIps, freeIpsAt, availabilityZone, outcome);
    }

    private static double decayed(double value, Instant from, Instant to, Duration halfLife) {
        if (!to.isAfter(from)) {
            return value;
        }
        double halfLives = (double) Duration.between(from, to).toMillis() / halfLife.toMillis();
        return value * Math.pow(0.5, halfLives);
    }
}
