package io.fargatereconciler.observe;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One cluster's tasks that we own, as seen by one observation: every live task ListTasks returned, plus the
 * STOPPED tasks that newly left the list (described to learn why they stopped).
 */
public record ObservedCluster(String cluster, List<ObservedTask> tasks, Instant observedAt) {
    public ObservedCluster {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(observedAt, "observedAt");
        tasks = List.copyOf(tasks);
    }
}
