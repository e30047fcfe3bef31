package io.fargatereconciler.desired;

import java.util.Objects;

/** {@code kind: TaskGroup}: keep {@code replicas} copies of the task running. */
public record TaskGroup(Metadata metadata, SourceLocation source, TaskSpec task, int replicas, RolloutPolicy rollout)
        implements DesiredResource {
    public TaskGroup {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(task, "task");
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative");
        }
        rollout = rollout == null ? RolloutPolicy.DEFAULT : rollout;
    }

    @Override
    public Kind kind() {
        return Kind.TaskGroup;
    }
}
