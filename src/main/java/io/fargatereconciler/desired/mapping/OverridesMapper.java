package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.ContainerOverride;
import io.fargatereconciler.desired.Overrides;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code spec.overrides}: task-level cpu and memory, and per-container command, environment, cpu, memory. */
final class OverridesMapper {
    /** The task cpu units Fargate offers. */
    static final List<String> FARGATE_CPU = List.of("256", "512", "1024", "2048", "4096", "8192", "16384");
    static final int MIN_TASK_MEMORY = 512;
    static final int MAX_TASK_MEMORY = 122880;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,6}");
    private static final Pattern CONTAINER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private OverridesMapper() {
    }

    static Optional<Overrides> map(MappingReader overrides) {
        int mark = overrides.problems().mark();
        Optional<String> cpu = overrides.text("cpu");
        cpu.ifPresent(value -> overrides.accept("cpu", FARGATE_CPU.contains(value) ? Optional.empty()
                : Optional.of("must be one of the Fargate task sizes " + String.join(", ", FARGATE_CPU)
                + " (cpu units), not " + overrides.at("cpu").describe())));
        Optional<String> memory = overrides.text("memory");
        memory.ifPresent(value -> overrides.accept("memory", memoryProblem(value, overrides)));
        List<ContainerOverride> containers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        overrides.mappings("containers").ifPresent(readers -> readers.forEach(
                reader -> container(reader, names).ifPresent(containers::add)));
        overrides.rejectUnknownFields();
        if (!overrides.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new Overrides(cpu.orElse(null), memory.orElse(null), containers));
    }

    private static Optional<String> memoryProblem(String value, MappingReader overrides) {
        if (WHOLE_NUMBER.matcher(value).matches()) {
            int mebibytes = Integer.parseInt(value);
            if (mebibytes >= MIN_TASK_MEMORY && mebibytes <= MAX_TASK_MEMORY) {
                return Optional.empty();
            }
        }
        return Optional.of("must be the task memory in MiB, " + MIN_TASK_MEMORY + " to " + MAX_TASK_MEMORY
                + ", not " + overrides.at("memory").describe());
    }

    private static Optional<ContainerOverride> container(MappingReader container, Set<String> names) {
        int mark = container.problems().mark();
        Optional<String> name = container.requiredText("name");
        name.ifPresent(value -> {
            if (!CONTAINER_NAME.matcher(value).matches()) {
                container.error("name", "must be the container's name in the task definition (letters, digits,"
                        + " - and _), not " + container.at("name").describe());
            } else if (!names.add(value)) {
                container.error("name", "container " + value + " has overrides twice; merge them into one entry");
            }
        });
        List<String> command = container.texts("command").orElse(List.of());
        Map<String, String> environment = container.textMap("environment").orElse(Map.of());
        Optional<Integer> cpu = container.integer("cpu");
        cpu.filter(units -> units < 0).ifPresent(units -> container.error("cpu", "must not be negative"));
        Optional<Integer> memory = container.integer("memory");
        memory.filter(mebibytes -> mebibytes < 1).ifPresent(units -> container.error("memory",
                "must be at least 1 (MiB)"));
        container.rejectUnknownFields();
        if (!container.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new ContainerOverride(name.orElseThrow(), command, environment, cpu.orElse(null),
                memory.orElse(null)));
    }
}
