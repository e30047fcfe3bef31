package io.fargatereconciler.loop;

import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.loop.leader.Leadership;
import io.fargatereconciler.loop.state.InMemoryStateStore;
import io.fargatereconciler.loop.state.StateStore;
import io.fargatereconciler.loop.subnets.SubnetSteeringSteps;
import io.fargatereconciler.observe.TaskObserver;
import java.util.Objects;

/**
 * The collaborators of a reconcile pass, so the loop's constructor stays short. {@code jobs} holds the Jobs' status
 * for the API, {@code jobEvents} reports what happened to Jobs (log, metrics, notifications). {@code leadership}
 * decides whether this replica may act: a standby observes and plans (for status) but never calls RunTask,
 * StopTask or SNS Publish. {@code subnets} steers launches by subnet health (and runs the test-ENI diagnosis);
 * {@code groupNotifications} tells people when a TaskGroup becomes Degraded or recovers; {@code state} keeps the
 * launch intents and the run ledger (in the state table, or in memory).
 */
public record ReconcilePassParts(TaskObserver observer, EcsGateway ecs, GroupStatusBook status, PassRecorder recorder,
                                 LoopHealth health, JobStatusBook jobs, JobEventReporter jobEvents,
                                 Leadership leadership, SubnetSteeringSteps subnets,
                                 GroupNotifications groupNotifications, StateStore state) {
    /**
     * Parts without subnet steering (launches go to the spec's subnets as written), group notifications logged only,
     * state kept in memory.
     */
    public ReconcilePassParts(TaskObserver observer, EcsGateway ecs, GroupStatusBook status, PassRecorder recorder,
                              LoopHealth health, JobStatusBook jobs, JobEventReporter jobEvents, Leadership leadership) {
        this(observer, ecs, status, recorder, health, jobs, jobEvents, leadership, SubnetSteeringSteps.off(),
                GroupNotifications.loggedOnly(), new InMemoryStateStore());
    }

    public ReconcilePassParts {
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(ecs, "ecs");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(jobEvents, "jobEvents");
        Objects.requireNonNull(leadership, "leadership");
        Objects.requireNonNull(subnets, "subnets");
        Objects.requireNonNull(groupNotifications, "groupNotifications");
        Objects.requireNonNull(state, "state");
    }
}
