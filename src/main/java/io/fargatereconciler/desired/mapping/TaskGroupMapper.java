package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.desired.TaskSpec;
import java.util.Optional;

/** {@code kind: TaskGroup}: {@code replicas} (required) and {@code rollout}, besides the shared task fields. */
final class TaskGroupMapper implements KindMapper {
    private final TaskSpecMapper tasks;

    TaskGroupMapper(TaskSpecMapper tasks) {
        this.tasks = tasks;
    }

    @Override
    public Optional<DesiredResource> map(MappingReader spec, Metadata metadata, SourceLocation source) {
        int mark = spec.problems().mark();
        spec.required("replicas");
        Optional<Integer> replicas = PolicyMapper.notNegative(spec, "replicas");
        RolloutPolicy rollout = spec.mapping("rollout").flatMap(PolicyMapper::rollout).orElse(RolloutPolicy.DEFAULT);
        Optional<TaskSpec> task = tasks.map(spec);
        spec.rejectUnknownFields();
        if (!spec.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new TaskGroup(metadata, source, task.orElseThrow(), replicas.orElseThrow(), rollout));
    }
}
