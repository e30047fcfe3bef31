package io.fargatereconciler.desired;

import java.util.List;

/** Task-level cpu/memory (ECS strings such as "512", null = task definition's) and per-container overrides. */
public record Overrides(String cpu, String memory, List<ContainerOverride> containers) {
    public static final Overrides NONE = new Overrides(null, null, List.of());

    public Overrides {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }

    public boolean isEmpty() {
        return cpu == null && memory == null && containers.isEmpty();
    }
}
