package io.fargatereconciler.loop.subnets;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import io.fargatereconciler.plan.subnet.SubnetStanding;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The subnets whose free-IP counts a pass needs: those a launch may go to (a TaskGroup with fewer live copies of
 * its current spec than its replicas, every Job) and those known to be suspect or avoided (so their recovery is seen
 * and their conditions clear; a subnet only without a recent start is not). A fleet at full strength with healthy subnets needs none, so steady state costs no EC2
 * call beyond the ECS floor.
 */
final class SubnetsToRefresh {
    private SubnetsToRefresh() {
    }

    static Set<String> of(DesiredState desired, ObservedState observed, SubnetHealthBook book, Instant now) {
        Map<ResourceKey, Integer> liveCurrent = liveCopiesOfCurrentSpec(desired, observed);
        Set<String> subnets = new TreeSet<>();
        for (DesiredResource resource : desired.resources().values()) {
            List<String> resourceSubnets = resource.task().network().subnets();
            if (resource instanceof Job
                    || resource instanceof TaskGroup group && liveCurrent.getOrDefault(group.key(), 0) < group.replicas()) {
                subnets.addAll(resourceSubnets);
            } else {
                resourceSubnets.stream().filter(subnet -> troubled(book.standing(subnet, now))).forEach(subnets::add);
            }
        }
        return subnets;
    }

    /** Suspect or avoided (a failure, or no free IPs): its recovery must be seen. A merely probing subnet is not. */
    private static boolean troubled(SubnetStanding standing) {
        return standing.tier() == SubnetStanding.Tier.SUSPECT || standing.tier() == SubnetStanding.Tier.AVOIDED;
    }

    private static Map<ResourceKey, Integer> liveCopiesOfCurrentSpec(DesiredState desired, ObservedState observed) {
        Map<ResourceKey, Integer> live = new HashMap<>();
        for (ObservedCluster cluster : observed.clusters().values()) {
            for (ObservedTask task : cluster.tasks()) {
                if (task.group() == null || !task.isLive()) {
                    continue;
                }
                DesiredResource resource = desired.resources().get(task.group());
                if (resource != null && resource.task().specHash().equals(task.specHash())) {
                    live.merge(task.group(), 1, Integer::sum);
                }
            }
        }
        return live;
    }
}
