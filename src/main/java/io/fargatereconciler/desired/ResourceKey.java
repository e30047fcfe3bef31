package io.fargatereconciler.desired;

import java.util.Objects;

/** Identifies one desired resource: names are unique per kind. Printed as {@code TaskGroup/api}. */
public record ResourceKey(Kind kind, String name) implements Comparable<ResourceKey> {
    public ResourceKey {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    public static ResourceKey taskGroup(String name) {
        return new ResourceKey(Kind.TaskGroup, name);
    }

    public static ResourceKey job(String name) {
        return new ResourceKey(Kind.Job, name);
    }

    @Override
    public int compareTo(ResourceKey other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return kind + "/" + name;
    }
}
