package io.fargatereconciler.plan.subnet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Orders and filters a group's subnets by health (a pure function): launches go to the best tier present
 * (healthy, else suspect), and within it to the subnets holding fewer of the group's live copies than the busiest
 * one, so copies spread across the usable subnets and an AZ that comes back fills up first. When every subnet is
 * avoided, the single least bad one is chosen: one with free IPs before one without, then the lowest score.
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
        SubnetStanding.Tier best = standings.stream().map(SubnetStanding::tier)
                .min(Comparator.naturalOrder()).orElseThrow(() -> new IllegalArgumentException("no subnets"));
        if (best == SubnetStanding.Tier.AVOIDED) {
            SubnetStanding leastBad = standings.stream().min(Comparator
                    .comparing((SubnetStanding s) -> s.why() == SubnetStanding.Trouble.NO_FREE_IPS)
                    .thenComparingDouble(SubnetStanding::score)).orElseThrow();
            return new SubnetChoice(List.of(leastBad.subnetId()), unhealthy, true);
        }
        List<SubnetStanding> usable = standings.stream().filter(s -> s.tier() == best).toList();
        int busiest = usable.stream().mapToInt(s -> live(liveCopiesBySubnet, s)).max().orElse(0);
        List<SubnetStanding> emptier = usable.stream().filter(s -> live(liveCopiesBySubnet, s) < busiest).toList();
        List<SubnetStanding> chosen = new ArrayList<>(emptier.isEmpty() ? usable : emptier);
        chosen.sort(Comparator.comparingInt((SubnetStanding s) -> live(liveCopiesBySubnet, s))
                .thenComparingDouble(SubnetStanding::score));
        return new SubnetChoice(chosen.stream().map(SubnetStanding::subnetId).toList(), unhealthy, false);
    }

    private static int live(Map<String, Integer> liveCopiesBySubnet, SubnetStanding standing) {
        return liveCopiesBySubnet.getOrDefault(standing.subnetId(), 0);
    }
}
