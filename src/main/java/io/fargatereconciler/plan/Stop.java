package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import java.util.Objects;

/** One StopTask call for a task we own. */
public record Stop(ResourceKey group, String cluster, String taskArn, String reason) implements Action {
    public Stop {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(reason, "reason");
    }
}
