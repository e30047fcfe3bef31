package io.fargatereconciler.sim;

import java.time.Duration;

/**
 * How long a Fargate task spends in each lifecycle state. Defaults follow what Fargate typically shows for a small
 * task with a cached image: about 40 s from RunTask to RUNNING and about 30 s from StopTask to STOPPED.
 *
 * @param provisioning        PROVISIONING (ENI created and attached)
 * @param pending             PENDING (image pulled)
 * @param activating          ACTIVATING
 * @param deactivating        DEACTIVATING
 * @param stopping            STOPPING (containers get SIGTERM, then exit)
 * @param deprovisioning      DEPROVISIONING (ENI detached and deleted)
 * @param eniTimeout          how long a task whose ENI never comes stays in PROVISIONING before Fargate gives up
 * @param ipExhaustionFailure how long a task in a subnet without free IPs stays in PROVISIONING before it fails
 */
public record LifecycleTimings(Duration provisioning, Duration pending, Duration activating, Duration deactivating,
                               Duration stopping, Duration deprovisioning, Duration eniTimeout,
                               Duration ipExhaustionFailure) {

    public LifecycleTimings {
        provisioning = orDefault(provisioning, Duration.ofSeconds(15), "provisioning");
        pending = orDefault(pending, Duration.ofSeconds(20), "pending");
        activating = orDefault(activating, Duration.ofSeconds(5), "activating");
        deactivating = orDefault(deactivating, Duration.ofSeconds(5), "deactivating");
        stopping = orDefault(stopping, Duration.ofSeconds(10), "stopping");
        deprovisioning = orDefault(deprovisioning, Duration.ofSeconds(15), "deprovisioning");
        eniTimeout = orDefault(eniTimeout, Duration.ofMinutes(3), "eniTimeout");
        ipExhaustionFailure = orDefault(ipExhaustionFailure, Duration.ofSeconds(5), "ipExhaustionFailure");
    }

    public static LifecycleTimings defaults() {
        return new LifecycleTimings(null, null, null, null, null, null, null, null);
    }

    /** Every state lasts {@code each}: handy for tests that count steps rather than seconds. */
    public static LifecycleTimings uniform(Duration each) {
        return new LifecycleTimings(each, each, each, each, each, each, each, each);
    }

    /** Time from RunTask to RUNNING when nothing goes wrong. */
    public Duration startup() {
        return provisioning.plus(pending).plus(activating);
    }

    /** Time from StopTask on a RUNNING task to STOPPED. */
    public Duration shutdown() {
        return deactivating.plus(stopping).plus(deprovisioning);
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
