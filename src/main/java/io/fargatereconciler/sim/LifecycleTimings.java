package io.fargatereconciler.sim;

import java.time.Duration;

/**
 * How long a Fargate task spends in each lifecycle state: a fixed time or a log-normal distribution given by its
 * median and 99th percentile ({@link PhaseDuration}), drawn per task. The defaults are fixed times that follow what
 * Fargate typically shows for a small task with a cached image (about 40 s from RunTask to RUNNING, about 30 s from
 * StopTask to STOPPED); a world that needs the tail (the benchmarks do) gives distributions.
 *
 * @param provisioning        PROVISIONING (ENI created and attached)
 * @param pending             PENDING (image pulled)
 * @param activating          ACTIVATING
 * @param deactivating        DEACTIVATING
 * @param stopping            STOPPING (containers get SIGTERM, then exit)
 * @param deprovisioning      DEPROVISIONING (ENI detached and deleted)
 * @param eniTimeout          how long a task whose ENI never comes stays in PROVISIONING before Fargate gives up; a
 *                            healthy task whose drawn provisioning time (slow start included) exceeds it fails the
 *                            same way
 * @param ipExhaustionFailure how long a task in a subnet without free IPs stays in PROVISIONING before it fails
 */
public record LifecycleTimings(PhaseDuration provisioning, PhaseDuration pending, PhaseDuration activating,
                               PhaseDuration deactivating, PhaseDuration stopping, PhaseDuration deprovisioning,
                               Duration eniTimeout, Duration ipExhaustionFailure) {

    public LifecycleTimings {
        provisioning = orDefault(provisioning, 15);
        pending = orDefault(pending, 20);
        activating = orDefault(activating, 5);
        deactivating = orDefault(deactivating, 5);
        stopping = orDefault(stopping, 10);
        deprovisioning = orDefault(deprovisioning, 15);
        eniTimeout = orDefault(eniTimeout, Duration.ofMinutes(3), "eniTimeout");
        ipExhaustionFailure = orDefault(ipExhaustionFailure, Duration.ofSeconds(5), "ipExhaustionFailure");
    }

    public static LifecycleTimings defaults() {
        return new LifecycleTimings(null, null, null, null, null, null, null, null);
    }

    /** Every state lasts {@code each}: handy for tests that count steps rather than seconds. */
    public static LifecycleTimings uniform(Duration each) {
        PhaseDuration phase = PhaseDuration.fixed(each);
        return new LifecycleTimings(phase, phase, phase, phase, phase, phase, each, each);
    }

    /** The typical time from RunTask to RUNNING when nothing goes wrong: the sum of the start-up phases' medians. */
    public Duration startup() {
        return provisioning.median().plus(pending.median()).plus(activating.median());
    }

    /** The typical time from StopTask on a RUNNING task to STOPPED. */
    public Duration shutdown() {
        return deactivating.median().plus(stopping.median()).plus(deprovisioning.median());
    }

    private static PhaseDuration orDefault(PhaseDuration value, long seconds) {
        return value == null ? PhaseDuration.fixed(Duration.ofSeconds(seconds)) : value;
    }

    private static Duration orDefault(Duration value, Duration fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException("lifecycle." + field + ": must not be negative, was " + value);
        }
        return value;
    }
}
