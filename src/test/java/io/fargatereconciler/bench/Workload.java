package io.fargatereconciler.bench;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.desired.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The copies every strategy of a scenario must keep running: groups of one task definition, each in one cluster,
 * launched into the same subnets. Our reconciler gets them as TaskGroups; the baselines keep the same counts their
 * own way.
 */
record Workload(List<Group> groups) {
    /** One group of identical copies. */
    record Group(String name, String cluster, String taskDefinition, int replicas, List<String> subnets) {
        Group {
            subnets = List.copyOf(subnets);
        }

        TaskGroup asTaskGroup() {
            TaskSpec spec = new TaskSpec(cluster, taskDefinition, null, null, null, new Network(subnets, List.of(), false),
                    null, null, null, false, null, null);
            return new TaskGroup(new Metadata(name, null), new SourceLocation("bench/" + name + ".yaml", 1, 1), spec,
                    replicas, RolloutPolicy.DEFAULT);
        }
    }

    Workload {
        groups = List.copyOf(groups);
    }

    /** {@code groupsPerCluster} groups of {@code copiesPerGroup} in each of {@code clusters}. */
    static Workload spread(List<String> clusters, int groupsPerCluster, int copiesPerGroup, String taskDefinition,
                           List<String> subnets) {
        List<Group> groups = new ArrayList<>();
        for (String cluster : clusters) {
            for (int g = 0; g < groupsPerCluster; g++) {
                groups.add(new Group(cluster + "-g" + g, cluster, taskDefinition, copiesPerGroup, subnets));
            }
        }
        return new Workload(groups);
    }

    /** One RunTask's share of a group: copies {@code from} on, {@code count} (1..10) of them. */
    record Batch(Group group, int index, int count) {
    }

    /** Every group cut into RunTask calls of at most 10 copies, group after group. */
    List<Batch> launchBatches() {
        List<Batch> batches = new ArrayList<>();
        for (Group group : groups) {
            for (int index = 0; index * 10 < group.replicas(); index++) {
                batches.add(new Batch(group, index, Math.min(10, group.replicas() - index * 10)));
            }
        }
        return batches;
    }

    int copies() {
        return groups.stream().mapToInt(Group::replicas).sum();
    }

    Map<String, Integer> copiesByCluster() {
        Map<String, Integer> byCluster = new TreeMap<>();
        groups.forEach(g -> byCluster.merge(g.cluster(), g.replicas(), Integer::sum));
        return byCluster;
    }

    List<String> clusters() {
        return List.copyOf(copiesByCluster().keySet());
    }

    DesiredResource[] taskGroups() {
        return groups.stream().map(Group::asTaskGroup).toArray(DesiredResource[]::new);
    }

    /** ceil(n/100) ListTasks + ceil(n/100) DescribeTasks per cluster: the least an observation of n tasks costs. */
    long observationFloor() {
        return copiesByCluster().values().stream().mapToLong(n -> 2L * ((n + 99) / 100)).sum();
    }
}
