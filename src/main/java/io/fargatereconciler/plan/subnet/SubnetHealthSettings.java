package io.fargatereconciler.plan.subnet;

import java.time.Duration;
import java.util.Objects;

/**
 * How subnet health is scored and used (the loop maps {@code reconciler.subnets.*} and {@code reconciler.stall.*} to
 * this). Every ENI provisioning or IP-exhaustion failure in a subnet, and every stall, adds 1 to its failure score;
 * the score halves every {@code halfLife}; a copy that leaves PROVISIONING there after the last failure sets it back
 * to 0.
 *
 * @param halfLife        how fast failures are forgiven (5 min: one failure keeps launches away for about 5 minutes,
 *                        three for about 10)
 * @param healthyBelow    a subnet scoring below this is healthy; launches prefer healthy subnets (0.5)
 * @param avoidFrom       a subnet scoring this or more has a failure streak and is avoided: chosen last when no subnet
 *                        of the group is healthy (2.0)
 * @param minFreeIps      a subnet with fewer free IP addresses (EC2 AvailableIpAddressCount) is avoided (1)
 * @param freeIpsValidFor a free-IP count older than this is not trusted any more (5 min)
 * @param stall           stall detection and probes
 */
public record SubnetHealthSettings(Duration halfLife, double healthyBelow, double avoidFrom, int minFreeIps,
                                   Duration freeIpsValidFor, StallSettings stall) {
    public static final SubnetHealthSettings DEFAULTS = new SubnetHealthSettings(Duration.ofMinutes(5), 0.5, 2.0, 1,
            Duration.ofMinutes(5), StallSettings.DEFAULTS);

    public SubnetHealthSettings {
        Objects.requireNonNull(halfLife, "halfLife");
        Objects.requireNonNull(freeIpsValidFor, "freeIpsValidFor");
        Objects.requireNonNull(stall, "stall");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("reconciler.subnets.failure-half-life must be positive");
        }
        if (!(healthyBelow > 0) || !(avoidFrom >= healthyBelow)) {
            throw new IllegalArgumentException("reconciler.subnets: need 0 < healthy-below <= avoid-from, was "
                    + healthyBelow + " and " + avoidFrom);
        }
        if (minFreeIps < 0) {
            throw new IllegalArgumentException("reconciler.subnets.min-free-ips must not be negative");
        }
        if (freeIpsValidFor.isNegative() || freeIpsValidFor.isZero()) {
            throw new IllegalArgumentException("reconciler.subnets.free-ips-max-age must be positive");
        }
    }

    public SubnetHealthSettings withStall(StallSettings next) {
        return new SubnetHealthSettings(halfLife, healthyBelow, avoidFrom, minFreeIps, freeIpsValidFor, next);
    }
}
