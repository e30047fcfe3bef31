package io.fargatereconciler.observe;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The latest observation of every cluster the desired state names. A cluster missing here was not observed. */
public record ObservedState(Map<String, ObservedCluster> clusters) {
    public static final ObservedState EMPTY = new ObservedState(Map.of());

    public ObservedState {
        clusters = Collections.unmodifiableMap(new TreeMap<>(clusters));
    }

    public Optional<ObservedCluster> cluster(String name) {
        return Optional.ofNullable(clusters.get(name));
    }
}
