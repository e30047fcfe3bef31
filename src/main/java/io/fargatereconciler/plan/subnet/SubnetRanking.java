package io.fargatereconciler.plan.subnet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Orders and filters a group's subnets by health (a pure function): launches go to the healthy subnets, and among
 * them to those holding fewer of the group's live copies than the busiest one, so copies spread across the healthy
 * subnets and an AZ that comes back fills up first. Subnets without a recent successful start are listed as probing
 * (a probe batch each); with no healthy subnet they are the choice. When no subnet of the group is healthy or
 * probing, the single least bad one is chosen: one with free IPs before one without, then suspect before avoided,
 * then the lowest score.
 */
public final class SubnetRanking {
    private SubnetRanking() {
    }

    public static SubnetChoice choose(List<String> specSubnets, SubnetHealthBook book,
                                      Map<String, Integer> liveCopiesBySubnet, Instant now) {
        List<SubnetStanding> standings = new ArrayList<>();
        for (String subnet : new LinkedHashSet<>(specSubnets)) {
            standings.add(book.standing(subnet, now));
        }
        List<SubnetStanding> unhealthy = standings.stream().filter(s -> s.tier() != SubnetStanding.Tier.HEALTHY)
                .toList();
        List<SubnetStanding> healthy = of(standings, SubnetStanding.Tier.HEALTHY);
        List<String> probing = of(standings, SubnetStanding.Tier.PROBING).stream()
                .sorted(Comparator.comparingDouble(SubnetStanding::score)).map(SubnetStanding::subnetId).toList();
        if (healthy.isEmpty() && !probing.isEmpty()) {
            return new SubnetChoice(probing, unhealthy, false, probing);
        }
        if (healthy.isEmpty()) {
            SubnetStanding leastBad = standings.stream().min(Comparator
                    .comparing((SubnetStanding s) -> s.why() == SubnetStanding.Trouble.NO_FREE_IPS)
                    .thenComparing(SubnetStanding::tier)
                    .thenComparingDouble(SubnetStanding::score))
                    .orElseThrow(() -> new IllegalArgumentException("no subnets"));
            return new SubnetChoice(List.of(leastBad.subnetId()), unhealthy, true, List.of());
        }
        int busiest = healthy.stream().mapToInt(s -> live(liveCopiesBySubnet, s)).max().orElse(0);
        List<SubnetStanding> emptier = healthy.stream().filter(s -> live(liveCopiesBySubnet, s) < busiest).toList();
        List<SubnetStanding> chosen = new ArrayList<>(emptier.isEmpty() ? healthy : emptier);
        chosen.sort(Comparator.comparingInt((SubnetStanding s) -> live(liveCopiesBySubnet, s))
                .thenComparingDouble(SubnetStanding::score));
        return new SubnetChoice(chosen.stream().map(SubnetStanding::subnetId).toList(), unhealthy, false, probing);
    }

    private static List<SubnetStanding> of(List<SubnetStanding> standings, SubnetStanding.Tier tier) {
        return standings.stream().filter(s -> s.tier() == tier).toList();
    }

    private static int live(Map<String, Integer> liveCopiesBySubnet, SubnetStanding standing) {
        return liveCopiesBySubnet.getOrDefault(standing.subnetId(), 0);
    }
}
