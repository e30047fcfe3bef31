package io.fargatereconciler.sim.ecs;

/** Told of every change of a task's lastStatus or desiredStatus, under the simulation lock. */
@FunctionalInterface
public interface TaskChangeObserver {
    void taskChanged(SimTask task, long atMillis);
}
