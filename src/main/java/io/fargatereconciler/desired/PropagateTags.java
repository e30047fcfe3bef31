package io.fargatereconciler.desired;

/** ECS propagateTags: copy the task definition's tags to the task, or not. */
public enum PropagateTags {
    TASK_DEFINITION,
    NONE
}
