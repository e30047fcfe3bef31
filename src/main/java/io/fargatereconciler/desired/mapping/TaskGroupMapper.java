package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.DesiredDocument;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.NamedValue;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.desired.TaskSpec;
import java.util.List;
import java.util.Optional;

/**
 * {@code kind: TaskGroup}: {@code replicas} (required), {@code rollout} and {@code paused}, besides the shared task
 * fields.
 */
final class TaskGroupMapper implements KindMapper {
    private final TaskSpecMapper tasks;

    TaskGroupMapper(TaskSpecMapper tasks) {
        this.tasks = tasks;
    }

    @Override
    public Optional<DesiredDocument> map(MappingReader spec, Metadata metadata, SourceLocation source,
                                         List<NamedValue> named) {
        int mark = spec.problems().mark();
        spec.required("replicas");
        Optional<Integer> replicas = PolicyMapper.notNegative(spec, "replicas");
        replicas.ifPresent(count -> named.add(spec.named(NamedValue.What.REPLICAS, "replicas", count.toString())));
        RolloutPolicy rollout = spec.mapping("rollout").flatMap(PolicyMapper::rollout).orElse(RolloutPolicy.DEFAULT);
        boolean paused = spec.bool("paused").orElse(false);
        Optional<TaskSpec> task = tasks.map(spec, named);
        spec.rejectUnknownFields();
        if (!spec.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new TaskGroup(metadata, source, task.orElseThrow(), replicas.orElseThrow(), rollout,
                paused));
    }
}
