package io.fargatereconciler.loop.events;

import io.fargatereconciler.desired.ResourceKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the reconcile loop's work queue (not built yet): records the hints it is given. */
final class RecordingWorkQueue implements WorkQueueSink {
    final List<ResourceKey> nudgedGroups = new CopyOnWriteArrayList<>();
    final List<String> nudgedClusters = new CopyOnWriteArrayList<>();
    volatile boolean backedUp;

    @Override
    public void nudge(ResourceKey group) {
        nudgedGroups.add(group);
    }

    @Override
    public void nudgeCluster(String cluster) {
        nudgedClusters.add(cluster);
    }

    @Override
    public boolean isBackedUp() {
        return backedUp;
    }
}
