package io.fargatereconciler.desired;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One complete, validated desired state, as loaded at {@code loadedAt}. Immutable. */
public record DesiredState(Map<ResourceKey, DesiredResource> resources, Instant loadedAt) {
    public DesiredState {
        Objects.requireNonNull(loadedAt, "loadedAt");
        resources = Collections.unmodifiableMap(new TreeMap<>(resources));
        resources.forEach((key, resource) -> {
            if (!key.equals(resource.key())) {
                throw new IllegalArgumentException("resource " + resource.key() + " filed under " + key);
            }
        });
    }

    public static DesiredState of(List<? extends DesiredResource> resources, Instant loadedAt) {
        Map<ResourceKey, DesiredResource> byKey = new TreeMap<>();
        for (DesiredResource resource : resources) {
            if (byKey.put(resource.key(), resource) != null) {
                throw new IllegalArgumentException("duplicate " + resource.key());
            }
        }
        return new DesiredState(byKey, loadedAt);
    }

    public Optional<DesiredResource> get(ResourceKey key) {
        return Optional.ofNullable(resources.get(key));
    }

    public List<TaskGroup> taskGroups() {
        return resources.values().stream().filter(TaskGroup.class::isInstance).map(TaskGroup.class::cast).toList();
    }

    public List<Job> jobs() {
        return resources.values().stream().filter(Job.class::isInstance).map(Job.class::cast).toList();
    }

    /** Every cluster some resource names, sorted. */
    public Set<String> clusters() {
        Set<String> clusters = new TreeSet<>();
        resources.values().forEach(resource -> clusters.add(resource.task().cluster()));
        return Collections.unmodifiableSet(clusters);
    }
}
