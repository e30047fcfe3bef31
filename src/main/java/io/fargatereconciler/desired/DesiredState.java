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

/**
 * One validated desired state, as in force since {@code loadedAt}. Immutable.
 *
 * @param resources the TaskGroups and Jobs in force
 * @param loadedAt  when this state was made from a read of the source
 * @param teams     with Team documents, each team's part by team name; empty without them
 * @param sources   where each document in force (resources and Teams) came from; empty for a state built in code
 * @param complete  every part of the latest read of the source is in force: false while a team is held back or the
 *                  latest read was refused as a whole (then a part of what is declared may be missing from this
 *                  state, so nothing may be concluded from what is absent, such as that a group was removed)
 */
public record DesiredState(Map<ResourceKey, DesiredResource> resources, Instant loadedAt,
                           Map<String, TeamVersion> teams, Map<ResourceKey, DocumentSource> sources,
                           boolean complete) {
    public DesiredState {
        Objects.requireNonNull(loadedAt, "loadedAt");
        resources = Collections.unmodifiableMap(new TreeMap<>(resources));
        resources.forEach((key, resource) -> {
            if (!key.equals(resource.key())) {
                throw new IllegalArgumentException("resource " + resource.key() + " filed under " + key);
            }
        });
        teams = Collections.unmodifiableMap(new TreeMap<>(teams));
        sources = Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    /** A complete state without teams, built in code (tests, tools). */
    public DesiredState(Map<ResourceKey, DesiredResource> resources, Instant loadedAt) {
        this(resources, loadedAt, Map.of(), Map.of(), true);
    }

    public static DesiredState of(List<? extends DesiredResource> resources, Instant loadedAt) {
        return new DesiredState(byKey(resources), loadedAt);
    }

    static Map<ResourceKey, DesiredResource> byKey(List<? extends DesiredResource> resources) {
        Map<ResourceKey, DesiredResource> byKey = new TreeMap<>();
        for (DesiredResource resource : resources) {
            if (byKey.put(resource.key(), resource) != null) {
                throw new IllegalArgumentException("duplicate " + resource.key());
            }
        }
        return byKey;
    }

    /** This state, marked as no longer the whole of what the source declares (the latest read was refused). */
    DesiredState incomplete() {
        return complete ? new DesiredState(resources, loadedAt, teams, sources, false) : this;
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

    /** Whether Team documents divide this state among teams. */
    public boolean hasTeams() {
        return !teams.isEmpty();
    }

    /** The team a resource belongs to; empty without teams. */
    public Optional<String> teamOf(ResourceKey key) {
        return teams.values().stream().filter(team -> team.resources().contains(key))
                .map(team -> team.team().name()).findFirst();
    }

    /** Every cluster some resource names, sorted. */
    public Set<String> clusters() {
        Set<String> clusters = new TreeSet<>();
        resources.values().forEach(resource -> clusters.add(resource.task().cluster()));
        return Collections.unmodifiableSet(clusters);
    }
}
