package io.fargatereconciler.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The planner's CPU time per plan over 10,000 copies (the {@link PlannerBenchmark} cases), read with ThreadMXBean in
 * the harness's JVM after a warm-up: unlike JMH's wall-clock score it does not grow when other processes share the
 * CPUs.
 */
final class PlannerCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PlannerCpuTime() {
    }

    /** Mean CPU milliseconds per plan, by case ({@code missingPercent=0}, {@code missingPercent=10}). */
    static Map<String, Double> measure(int warmUps, int plans) {
        Map<String, Double> millis = new LinkedHashMap<>();
        for (int missingPercent : new int[] {0, 10}) {
            PlannerBenchmark benchmark = new PlannerBenchmark();
            benchmark.missingPercent = missingPercent;
            benchmark.buildTenThousandCopies();
            for (int i = 0; i < warmUps; i++) {
                benchmark.planTenThousandCopies();
            }
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < plans; i++) {
                benchmark.planTenThousandCopies();
            }
            millis.put("missingPercent=" + missingPercent, (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / plans);
        }
        return millis;
    }
}
