package io.fargatereconciler.loop;

import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.observe.TaskObserver;
import java.util.Objects;

/**
 * The collaborators of a reconcile pass, so the loop's constructor stays short. {@code jobs} holds the Jobs' status
 * for the API, {@code jobEvents} reports what happened to Jobs (log, metrics, notifications).
 */
public record ReconcilePassParts(TaskObserver observer, EcsGateway ecs, GroupStatusBook status, PassRecorder recorder,
                                 LoopHealth health, JobStatusBook jobs, JobEventReporter jobEvents) {

    /** Parts whose Job reports go to a book of their own and are logged and counted, not notified. */
    public ReconcilePassParts(TaskObserver observer, EcsGateway ecs, GroupStatusBook status, PassRecorder recorder,
                              LoopHealth health) {
        this(observer, ecs, status, recorder, health, new JobStatusBook(),
                new JobEventReporter(recorder, JobNotifications.loggedOnly()));
    }

    public ReconcilePassParts {
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(ecs, "ecs");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(jobEvents, "jobEvents");
    }
}
