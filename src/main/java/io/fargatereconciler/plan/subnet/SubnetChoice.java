package io.fargatereconciler.plan.subnet;

import java.util.List;

/**
 * Where a group's next launch goes, and why.
 *
 * @param subnets   the subnets for RunTask, in order of preference; never empty, always from the spec's list
 * @param unhealthy the spec's subnets that are not healthy now (used or not), with why
 * @param allBad    no subnet of the group is healthy: {@code subnets} is the single least bad one, launched into
 *                  at the group's backoff rate
 */
public record SubnetChoice(List<String> subnets, List<SubnetStanding> unhealthy, boolean allBad) {

    public SubnetChoice {
        subnets = List.copyOf(subnets);
        unhealthy = List.copyOf(unhealthy);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("a subnet choice needs at least one subnet");
        }
    }

    /** The spec's subnets as written, nothing known against any of them. */
    public static SubnetChoice asGiven(List<String> subnets) {
        return new SubnetChoice(subnets, List.of(), false);
    }

    /** Unhealthy subnets that this choice keeps launches away from. */
    public List<SubnetStanding> avoided() {
        return unhealthy.stream().filter(s -> !subnets.contains(s.subnetId())).toList();
    }

    /**
     * Unhealthy subnets worth telling people about even while every copy runs: out of free IPs, or with a failure
     * streak (two or more failures since a copy last started there). A single failure is not.
     */
    public List<SubnetStanding> troubled() {
        return unhealthy.stream().filter(SubnetStanding::hasStreakOrNoIps)
                .filter(s -> allBad || !subnets.contains(s.subnetId())).toList();
    }
}
