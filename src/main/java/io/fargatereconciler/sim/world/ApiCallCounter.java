package io.fargatereconciler.sim.world;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts API calls by operation ({@code ecs:RunTask}), throttled calls, and RunTask outcomes. Thread-safe. */
public final class ApiCallCounter {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> throttled = new ConcurrentHashMap<>();
    private final LongAdder runTaskCallsDoomed = new LongAdder();
    private final LongAdder tasksDoomed = new LongAdder();
    private final LongAdder tasksLaunched = new LongAdder();
    private final LongAdder capacityFailures = new LongAdder();

    public void call(String operation) {
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public void throttled(String operation) {
        throttled.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    /** One RunTask call placed {@code launched} tasks of which {@code doomed} can never start. */
    public void runTask(int launched, int doomed, int capacityFailed) {
        tasksLaunched.add(launched);
        tasksDoomed.add(doomed);
        capacityFailures.add(capacityFailed);
        if (doomed > 0) {
            runTaskCallsDoomed.increment();
        }
    }

    public Map<String, Long> calls() {
        return snapshot(calls);
    }

    public Map<String, Long> throttledCalls() {
        return snapshot(throttled);
    }

    public long runTaskCallsDoomed() {
        return runTaskCallsDoomed.sum();
    }

    public long tasksDoomed() {
        return tasksDoomed.sum();
    }

    public long tasksLaunched() {
        return tasksLaunched.sum();
    }

    public long capacityFailures() {
        return capacityFailures.sum();
    }

    public void reset() {
        calls.clear();
        throttled.clear();
        runTaskCallsDoomed.reset();
        tasksDoomed.reset();
        tasksLaunched.reset();
        capacityFailures.reset();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
