package io.fargatereconciler.loop;

import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.observe.TaskObserver;
import java.util.Objects;

/** The collaborators of a reconcile pass, so the loop's constructor stays short. */
public record ReconcilePassParts(TaskObserver observer, EcsGateway ecs, GroupStatusBook status, PassRecorder recorder,
                                 LoopHealth health) {
    public ReconcilePassParts {
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(ecs, "ecs");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(health, "health");
    }
}
