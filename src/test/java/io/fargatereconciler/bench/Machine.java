package io.fargatereconciler.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the numbers were taken on, and how busy it was. */
record Machine(int cores, String cpu, String jvm, String os, double loadAverageAtStart, double loadAverageAtEnd) {

    static Machine now(double loadAverageAtStart) {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                loadAverageAtStart, loadAverage());
    }

    /** The 1-minute system load average (runnable processes, this run included). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Whether others shared the machine: a load average above the cores this run could use on its own. */
    boolean underLoad() {
        return Math.max(loadAverageAtStart, loadAverageAtEnd) > cores;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
