package io.fargatereconciler.plan;

import java.time.Instant;
import java.util.Objects;

/** One live copy of ours whose group is not declared, as last observed ({@code startedAt} null while starting). */
public record OrphanTask(String taskArn, String cluster, String lastStatus, Instant startedAt, String subnetId) {
    public OrphanTask {
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(lastStatus, "lastStatus");
    }
}
