package io.fargatereconciler.plan.subnet;

import java.util.List;

/**
 * Where a group's next launch goes, and why.
 *
 * @param subnets   the subnets for RunTask, in order of preference; never empty, always from the spec's list: the
 *                  healthy ones (a recent successful start, no failure since), else the probing ones, else the single
 *                  least bad one
 * @param unhealthy the spec's subnets that are not healthy now (used or not), with why
 * @param allBad    no subnet of the group is healthy or probing: {@code subnets} is the single least bad one,
 *                  launched into at the group's backoff rate
 * @param probing   the spec's subnets without a recent successful start: a TaskGroup sends each a small probe batch
 *                  on its own and launches at full rate only into {@code subnets} that are healthy
 */
public record SubnetChoice(List<String> subnets, List<SubnetStanding> unhealthy, boolean allBad,
                           List<String> probing) {

    public SubnetChoice {
        subnets = List.copyOf(subnets);
        unhealthy = List.copyOf(unhealthy);
        probing = List.copyOf(probing);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("a subnet choice needs at least one subnet");
        }
    }

    /** The spec's subnets as written, nothing known against any of them. */
    public static SubnetChoice asGiven(List<String> subnets) {
        return new SubnetChoice(subnets, List.of(), false, List.of());
    }

    /** No subnet is proven healthy: {@code subnets} are the probing ones, which take probe batches only. */
    public boolean probingOnly() {
        return !probing.isEmpty() && probing.containsAll(subnets);
    }

    /** Unhealthy subnets that this choice keeps launches away from (probing ones get their probes, so are not). */
    public List<SubnetStanding> avoided() {
        return unhealthy.stream().filter(s -> !subnets.contains(s.subnetId()))
                .filter(s -> s.tier() != SubnetStanding.Tier.PROBING).toList();
    }

    /**
     * Unhealthy subnets worth telling people about even while every copy runs: out of free IPs, or with a failure
     * streak (two or more failures since a copy last started there). A single failure is not, nor a subnet that is
     * only being probed.
     */
    public List<SubnetStanding> troubled() {
        return unhealthy.stream().filter(SubnetStanding::hasStreakOrNoIps)
                .filter(s -> allBad || !subnets.contains(s.subnetId())).toList();
    }
}
