package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
 * <p>A subnet without a recent successful start (probing) takes at most its probe room over all groups, each probe
 * call to that subnet alone. A group with healthy subnets sends at most half of what it launches this pass as probes
 * (so a single replacement always goes to a proven subnet) and the rest to its healthy subnets; a group with only
 * probing subnets sends probes only, and its other copies wait until a probe leaves PROVISIONING.
 *
 * @param launches         the RunTask calls, in the order to make them
 * @param starved          groups that wanted more than the budget allowed
 * @param waitingForProbes groups with copies left that only probing subnets could take, their probe room used up
 * @param after            the budget once all {@code launches} are made
 */
record BudgetSharing(List<Launch> launches, Set<ResourceKey> starved, Set<ResourceKey> waitingForProbes,
                     LaunchBudget after) {

    static final Comparator<GroupPlanner.Proposal> FAIR_ORDER = Comparator
            .comparing((GroupPlanner.Proposal p) -> p.memory().lastLaunchAt(),
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(GroupPlanner.Proposal::missing, Comparator.reverseOrder())
            .thenComparing(p -> p.group().key());

    static BudgetSharing share(List<GroupPlanner.Proposal> proposals, LaunchBudget budget, SubnetSteering steering) {
        List<GroupPlanner.Proposal> order = proposals.stream().filter(p -> p.launch() > 0).sorted(FAIR_ORDER).toList();
        int[] remaining = order.stream().mapToInt(GroupPlanner.Proposal::launch).toArray();
        int[] calls = new int[order.size()];
        int[] probes = order.stream().mapToInt(p -> p.steering().probingOnly() ? p.launch() : p.launch() / 2).toArray();
        boolean[] waiting = new boolean[order.size()];
        List<List<String>> tokens = new ArrayList<>(Collections.nCopies(order.size(), null)); // derived when used
        Map<String, Integer> probeRoom = new HashMap<>();
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
                String probe = probes[i] == 0 ? null : p.steering().probing().stream()
                        .filter(s -> probeRoom.computeIfAbsent(s, steering::probeRoom) > 0).findFirst().orElse(null);
                if (probe == null && p.steering().probingOnly()) {
                    waiting[i] = true;
                    continue;
                }
                int count = Math.min(remaining[i], budget.tasksForNextCall());
                if (probe != null) {
                    count = Math.min(count, Math.min(probes[i], probeRoom.get(probe)));
                }
                if (count == 0) {
                    spent = true;
                    break;
                }
                if (tokens.get(i) == null) {
                    tokens.set(i, p.tokens().derive());
                }
                if (probe != null) {
                    probeRoom.merge(probe, -count, Integer::sum);
                    probes[i] -= count;
                    launches.add(new Launch(p.group().key(), p.group().task(), count, List.of(probe),
                            tokens.get(i).get(calls[i]), Map.of(), p.launchReason() + "; probe of " + probe
                            + ": no copy of ours left PROVISIONING there recently"));
                } else {
                    launches.add(new Launch(p.group().key(), p.group().task(), count, p.subnets(),
                            tokens.get(i).get(calls[i]), Map.of(), p.launchReason()));
                }
                budget = budget.spend(1, count);
                remaining[i] -= count;
                calls[i]++;
                progress = true;
            }
        }
        Set<ResourceKey> starved = new TreeSet<>();
        Set<ResourceKey> waitingForProbes = new TreeSet<>();
        for (int i = 0; i < order.size(); i++) {
            if (remaining[i] > 0) {
                (waiting[i] ? waitingForProbes : starved).add(order.get(i).group().key());
            }
        }
        return new BudgetSharing(launches, starved, waitingForProbes, budget);
    }
}
