package io.fargatereconciler.loop.events;

import io.fargatereconciler.desired.ResourceKey;

/**
 * Where task-state events go: the reconcile loop's work queue, implemented by the loop. Nudges are hints that make a
 * pass happen sooner; they carry no state, and duplicates must cost nothing (the queue is keyed by group).
 */
public interface WorkQueueSink {

    /** Look at this group now: one of its tasks changed state. */
    void nudge(ResourceKey group);

    /**
     * Observe this cluster again now: a task of ours changed state but no group is known for it (launched by an
     * earlier leader, or not observed yet). {@code cluster} is the cluster ARN from the event.
     */
    void nudgeCluster(String cluster);

    /** True while the queue holds more than it can work off; the intake stops receiving until it clears. */
    boolean isBackedUp();
}
