package io.fargatereconciler.loop;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedTask;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which group each task of ours belongs to, as last observed: rebuilt per cluster from every observation, so it holds
 * only tasks ECS still lists (live, or stopped within the hour ECS keeps them). Read by the event intake's thread to
 * route a task-state event to its group; a task it does not know makes the intake nudge the whole cluster.
 * Bounded: a cluster's entries beyond {@link #MAX_TASKS_PER_CLUSTER} are left out (their events nudge the cluster).
 */
final class TaskGroupIndex {
    static final int MAX_TASKS_PER_CLUSTER = 50_000;

    private final Map<String, Map<String, ResourceKey>> byCluster = new ConcurrentHashMap<>();

    /** Replaces what is known of {@code observed}'s cluster with the tasks it lists. */
    void observed(ObservedCluster observed) {
        Map<String, ResourceKey> groups = new HashMap<>();
        for (ObservedTask task : observed.tasks()) {
            if (task.group() != null && groups.size() < MAX_TASKS_PER_CLUSTER) {
                groups.put(task.taskArn(), task.group());
            }
        }
        byCluster.put(observed.cluster(), Map.copyOf(groups));
    }

    Optional<ResourceKey> groupOf(String taskArn) {
        for (Map<String, ResourceKey> groups : byCluster.values()) {
            ResourceKey group = groups.get(taskArn);
            if (group != null) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
