package io.fargatereconciler.bench;

import io.fargatereconciler.sim.TaskSnapshot;

/**
 * One way of keeping a {@link Workload} running, driven by the harness on the simulator's virtual time: the harness
 * calls {@link #runDue()} at every step, then moves the clock.
 */
interface Strategy extends AutoCloseable {
    String name();

    /** The name of the workload group {@code task} is a copy of, when this strategy launched it; else null. */
    String groupOf(TaskSnapshot task);

    /** Does whatever is due at the clock's current instant (a pass, a retry, a launch). */
    void runDue();

    @Override
    default void close() {
    }

    /** {@code value} without {@code prefix}, or null when it does not start with it. */
    static String suffixAfter(String prefix, String value) {
        return value != null && value.startsWith(prefix) ? value.substring(prefix.length()) : null;
    }
}
