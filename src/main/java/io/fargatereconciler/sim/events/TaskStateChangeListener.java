package io.fargatereconciler.sim.events;

/**
 * Receives task state change events in the JVM. Called outside the simulation lock, on the thread whose request or
 * clock advance caused the change, one event at a time, in the order the changes happened.
 */
@FunctionalInterface
public interface TaskStateChangeListener {
    void onTaskStateChange(TaskStateChangeEvent event);
}
