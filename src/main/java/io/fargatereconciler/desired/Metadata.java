package io.fargatereconciler.desired;

import java.util.Map;
import java.util.TreeMap;

/** Kubernetes-style metadata: a name unique per kind, and free-form labels. */
public record Metadata(String name, Map<String, String> labels) {
    public Metadata {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("metadata.name must not be blank");
        }
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
