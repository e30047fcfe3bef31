package io.fargatereconciler.observe;

import io.fargatereconciler.desired.ResourceKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One task as ECS described it, mapped to what the planner needs. {@code group} and {@code specHash} come from
 * our ownership tags ({@code fargate-reconciler/group}, {@code fargate-reconciler/spec-hash}); {@code group} is null
 * for a task that is not ours. {@code stopCause} is null while the task is not STOPPED. Timestamps may be null
 * when ECS has not set them yet. {@code connectivityAt} is when the task's network interface was ready (it left
 * PROVISIONING): {@code createdAt} to {@code connectivityAt} is how long provisioning took.
 */
public record ObservedTask(String taskArn, String cluster, ResourceKey group, String specHash, String startedBy,
                           TaskStatus lastStatus, TaskStatus desiredStatus, Instant createdAt, Instant startedAt,
                           Instant stoppedAt, String subnetId, String stopCode, String stoppedReason,
                           StopCause stopCause, List<ContainerExit> containers, Map<String, String> tags,
                           Instant connectivityAt) {

    public ObservedTask {
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(lastStatus, "lastStatus");
        desiredStatus = desiredStatus == null ? TaskStatus.RUNNING : desiredStatus;
        containers = containers == null ? List.of() : List.copyOf(containers);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A task whose connectivity time is not known (ECS has not reported it, or it never left PROVISIONING). */
    public ObservedTask(String taskArn, String cluster, ResourceKey group, String specHash, String startedBy,
                        TaskStatus lastStatus, TaskStatus desiredStatus, Instant createdAt, Instant startedAt,
                        Instant stoppedAt, String subnetId, String stopCode, String stoppedReason, StopCause stopCause,
                        List<ContainerExit> containers, Map<String, String> tags) {
        this(taskArn, cluster, group, specHash, startedBy, lastStatus, desiredStatus, createdAt, startedAt, stoppedAt,
                subnetId, stopCode, stoppedReason, stopCause, containers, tags, null);
    }

    /** Live and meant to stay so: PROVISIONING..RUNNING with desiredStatus RUNNING. */
    public boolean isLive() {
        return lastStatus.isLive() && desiredStatus == TaskStatus.RUNNING;
    }

    public boolean isRunning() {
        return lastStatus == TaskStatus.RUNNING && desiredStatus == TaskStatus.RUNNING;
    }

    /** Still PROVISIONING (its network interface not ready) and meant to run. */
    public boolean isProvisioning() {
        return lastStatus == TaskStatus.PROVISIONING && desiredStatus == TaskStatus.RUNNING;
    }

    public boolean isStopped() {
        return lastStatus == TaskStatus.STOPPED;
    }
}
