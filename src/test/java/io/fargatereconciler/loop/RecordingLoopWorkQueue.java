package io.fargatereconciler.loop;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.events.TaskGroupLookup;
import io.fargatereconciler.loop.events.WorkQueueSink;
import io.fargatereconciler.testing.TaskStateChangeEvents;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the reconcile loop's work queue and task lookup in {@link EventsAndLeaseProfile} only (an
 * alternative, enabled by that profile): knows task "api-1" as TaskGroup/api and records nudges.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingLoopWorkQueue implements WorkQueueSink, TaskGroupLookup {
    private final List<ResourceKey> nudged = new CopyOnWriteArrayList<>();

    /** What was nudged (a method, not a field: the test talks to the bean through its client proxy). */
    public List<ResourceKey> nudged() {
        return nudged;
    }

    @Override
    public void nudge(ResourceKey group) {
        nudged.add(group);
    }

    @Override
    public void nudgeCluster(String cluster) {
    }

    @Override
    public boolean isBackedUp() {
        return false;
    }

    @Override
    public Optional<ResourceKey> groupOf(String taskArn) {
        return TaskStateChangeEvents.taskArn("api-1").equals(taskArn)
                ? Optional.of(ResourceKey.taskGroup("api")) : Optional.empty();
    }
}
