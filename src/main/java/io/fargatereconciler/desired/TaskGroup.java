package io.fargatereconciler.desired;

import java.util.Objects;

/**
 * {@code kind: TaskGroup}: keep {@code replicas} copies of the task running. While {@code paused}, nothing is launched
 * or stopped for it: copies that stop are not replaced, a changed spec does not roll.
 */
public record TaskGroup(Metadata metadata, SourceLocation source, TaskSpec task, int replicas, RolloutPolicy rollout,
                        boolean paused) implements DesiredResource {
    public TaskGroup {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(task, "task");
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative");
        }
        rollout = rollout == null ? RolloutPolicy.DEFAULT : rollout;
    }

    /** A group that is not paused. */
    public TaskGroup(Metadata metadata, SourceLocation source, TaskSpec task, int replicas, RolloutPolicy rollout) {
        this(metadata, source, task, replicas, rollout, false);
    }

    @Override
    public Kind kind() {
        return Kind.TaskGroup;
    }
}
