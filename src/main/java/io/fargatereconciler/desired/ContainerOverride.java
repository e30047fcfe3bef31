package io.fargatereconciler.desired;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Overrides for one container of the task definition; null cpu/memory mean "as the task definition says". */
public record ContainerOverride(String name, List<String> command, Map<String, String> environment,
                                Integer cpu, Integer memory) {
    public ContainerOverride {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("container override name must not be blank");
        }
        command = command == null ? List.of() : List.copyOf(command);
        environment = environment == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
    }
}
