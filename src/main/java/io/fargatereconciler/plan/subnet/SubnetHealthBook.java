package io.fargatereconciler.plan.subnet;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The health of every subnet seen so far, by id. Immutable: each {@code after...}/{@code with...} returns the next
 * book. Subnets are shared by every group that names them, so one book serves the whole daemon.
 */
public record SubnetHealthBook(Map<String, SubnetHealth> subnets, SubnetHealthSettings settings) {
    public static final SubnetHealthBook EMPTY = new SubnetHealthBook(Map.of(), SubnetHealthSettings.DEFAULTS);

    public SubnetHealthBook {
        subnets = Collections.unmodifiableMap(new TreeMap<>(subnets));
        Objects.requireNonNull(settings, "settings");
    }

    public static SubnetHealthBook empty(SubnetHealthSettings settings) {
        return new SubnetHealthBook(Map.of(), settings);
    }

    public SubnetHealth health(String subnetId) {
        return subnets.getOrDefault(subnetId, SubnetHealth.unknown(subnetId));
    }

    /** A failure of {@code kind} in the subnet at {@code at}, learnt at {@code now}. */
    public SubnetHealthBook afterFailure(String subnetId, SubnetFailureKind kind, String reason, Instant at,
                                         Instant now) {
        return with(health(subnetId).afterFailure(kind, reason, at, now, settings.halfLife()));
    }

    /** A copy RUNNING in the subnet since {@code startedAt}. */
    public SubnetHealthBook afterRunning(String subnetId, Instant startedAt) {
        SubnetHealth before = health(subnetId);
        SubnetHealth after = before.afterRunning(startedAt);
        return after.equals(before) ? this : with(after);
    }

    public SubnetHealthBook withFreeIps(String subnetId, int freeIps, String availabilityZone, Instant at) {
        return with(health(subnetId).withFreeIps(freeIps, availabilityZone, at));
    }

    public SubnetHealthBook withTestEni(String subnetId, TestEniOutcome outcome) {
        return with(health(subnetId).withTestEni(outcome));
    }

    /** How the subnet stands at {@code now}. */
    public SubnetStanding standing(String subnetId, Instant now) {
        return SubnetStanding.of(health(subnetId), settings, now);
    }

    private SubnetHealthBook with(SubnetHealth health) {
        Map<String, SubnetHealth> next = new TreeMap<>(subnets);
        next.put(health.subnetId(), health);
        return new SubnetHealthBook(next, settings);
    }
}
