package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shares the launch budget across groups, round-robin: each round gives every group that still wants copies one
 * RunTask call (up to 10 copies), in a fixed order: the group that waited longest since its last call first,
 * then the one missing most, then by name. A small budget thus reaches every group in turn, and the same inputs
 * always give the same launches.
 *
 * @param launches the RunTask calls, in the order to make them
 * @param starved  groups that wanted more than the budget allowed
 * @param after    the budget once all {@code launches} are made
 */
record BudgetSharing(List<Launch> launches, Set<ResourceKey> starved, LaunchBudget after) {

    static final Comparator<GroupPlanner.Proposal> FAIR_ORDER = Comparator
            .comparing((GroupPlanner.Proposal p) -> p.memory().lastLaunchAt(),
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(GroupPlanner.Proposal::missing, Comparator.reverseOrder())
            .thenComparing(p -> p.group().key());

    static BudgetSharing share(List<GroupPlanner.Proposal> proposals, LaunchBudget budget) {
        List<GroupPlanner.Proposal> order = proposals.stream().filter(p -> p.launch() > 0).sorted(FAIR_ORDER).toList();
        int[] remaining = order.stream().mapToInt(GroupPlanner.Proposal::launch).toArray();
        int[] calls = new int[order.size()];
        List<List<String>> tokens = new ArrayList<>(Collections.nCopies(order.size(), null)); // derived when used
        List<Launch> launches = new ArrayList<>();
        boolean spent = false;
        boolean progress = true;
        while (progress && !spent) {
            progress = false;
            for (int i = 0; i < order.size() && !spent; i++) {
                GroupPlanner.Proposal p = order.get(i);
                if (remaining[i] == 0 || calls[i] >= p.tokens().calls()) {
                    continue;
                }
                int count = Math.min(remaining[i], budget.tasksForNextCall());
                if (count == 0) {
                    spent = true;
                    break;
                }
                if (tokens.get(i) == null) {
                    tokens.set(i, p.tokens().derive());
                }
                launches.add(new Launch(p.group().key(), p.group().task(), count, p.subnets(),
                        tokens.get(i).get(calls[i]), Map.of(), p.launchReason()));
                budget = budget.spend(1, count);
                remaining[i] -= count;
                calls[i]++;
                progress = true;
            }
        }
        Set<ResourceKey> starved = new TreeSet<>();
        for (int i = 0; i < order.size(); i++) {
            if (remaining[i] > 0) {
                starved.add(order.get(i).group().key());
            }
        }
        return new BudgetSharing(launches, starved, budget);
    }
}
