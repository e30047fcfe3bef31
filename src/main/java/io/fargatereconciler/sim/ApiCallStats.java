package io.fargatereconciler.sim;

import java.util.Map;

/**
 * API calls the simulator answered since start (or the last reset).
 *
 * @param calls              calls by operation, e.g. {@code ecs:RunTask}, {@code ec2:DescribeSubnets}, {@code sns:Publish}
 *                           (throttled and failed calls included)
 * @param throttled          calls answered with ThrottlingException, by operation
 * @param tasksLaunched      tasks RunTask placed
 * @param tasksDoomed        of those, tasks that could never start (ENI failure, no free IP, image pull failure)
 * @param runTaskCallsDoomed RunTask calls that placed at least one doomed task
 * @param capacityFailures   RunTask {@code failures[]} entries for missing capacity
 */
public record ApiCallStats(Map<String, Long> calls, Map<String, Long> throttled, long tasksLaunched,
                           long tasksDoomed, long runTaskCallsDoomed, long capacityFailures) {

    public ApiCallStats {
        calls = Map.copyOf(calls);
        throttled = Map.copyOf(throttled);
    }

    /** Calls of one operation, e.g. {@code calls("ecs:RunTask")}. */
    public long calls(String operation) {
        return calls.getOrDefault(operation, 0L);
    }

    public long throttled(String operation) {
        return throttled.getOrDefault(operation, 0L);
    }

    /** All calls of all services. */
    public long totalCalls() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }
}
