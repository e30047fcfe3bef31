package io.fargatereconciler.sim.events;

/**
 * Receives task state change events in the JVM. Called outside the simulation lock, one event at a time, in the
 * order the changes happened, on the thread whose request or clock advance caused the change (or on a thread that
 * was already delivering). A listener may call the simulator back.
 */
@FunctionalInterface
public interface TaskStateChangeListener {
    void onTaskStateChange(TaskStateChangeEvent event);
}
