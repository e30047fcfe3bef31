package io.fargatereconciler.sim;

import io.fargatereconciler.sim.faults.FaultModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The simulator's performance scenario: 10,000 tasks across 10 clusters, launched with RunTask count 10 at the rate
 * the published Fargate limits allow (the clock moves 500 ms of virtual time per call, so no call is throttled), run
 * to RUNNING, then listed and described in pages of 100, all through the real SDK. Prints wall time and heap per
 * task, and the JVM's CPU time (which, unlike wall time, does not depend on what else the machine runs). Run it with:
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.fargatereconciler.sim.TenThousandTasksScenario
 * </pre>
 * or from an IDE. {@code TenThousandTasksScenarioTest} runs a small version of it on every build.
 */
public final class TenThousandTasksScenario {
    /** What one run measured. */
    public record Result(int tasksLaunched, int tasksRunningListed, int tasksRunningDescribed, long apiCalls,
                         long throttledCalls, Duration wallTime, Duration processCpuTime, Duration virtualTime,
                         long heapBytesPerTask) {
    }

    private TenThousandTasksScenario() {
    }

    public static void main(String[] args) {
        int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int tasksPerCluster = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        System.out.println("cold JVM: " + run(clusters, tasksPerCluster));
        System.out.println("warm JVM: " + run(clusters, tasksPerCluster));
    }

    public static Result run(int clusters, int tasksPerCluster) {
        VirtualClock clock = VirtualClock.create();
        SimulatorConfig.Builder config = SimulatorConfig.builder().seed(11)
                .taskDefinition(TaskDefinitionSeed.of("bench", "app", "public.ecr.aws/nginx/nginx:1.27"))
                .subnet(new SubnetSeed("subnet-b1", "us-east-1a", "10.1.0.0/18", null, null))
                .subnet(new SubnetSeed("subnet-b2", "us-east-1b", "10.1.64.0/18", null, null))
                .subnet(new SubnetSeed("subnet-b3", "us-east-1c", "10.1.128.0/18", null, null))
                .faults(FaultModel.none());
        for (int c = 0; c < clusters; c++) {
            config.cluster("cluster-" + c);
        }
        long heapBefore = usedHeap();
        long wallStart = System.nanoTime();
        long cpuStart = processCpuNanos();
        try (FargateSimulator simulator = FargateSimulator.start(config.build(), clock);
             EcsClient ecs = AwsClients.ecs(simulator.endpoint())) {
            int launched = 0;
            for (int c = 0; c < clusters; c++) {
                for (int i = 0; i < tasksPerCluster / 10; i++) {
                    String cluster = "cluster-" + c;
                    launched += ecs.runTask(SimulatorFixture.request(cluster, "bench", 10, "subnet-b1", "subnet-b2",
                            "subnet-b3").startedBy("bench").build()).tasks().size();
                    clock.advance(Duration.ofMillis(500));
                }
            }
            clock.advance(LifecycleTimings.defaults().startup());
            int listed = 0;
            int running = 0;
            for (int c = 0; c < clusters; c++) {
                String cluster = "cluster-" + c;
                String token = null;
                do {
                    String next = token;
                    ListTasksResponse page = ecs.listTasks(r -> r.cluster(cluster).maxResults(100).nextToken(next));
                    clock.advance(Duration.ofMillis(50));
                    listed += page.taskArns().size();
                    if (!page.taskArns().isEmpty()) {
                        List<Task> tasks = ecs.describeTasks(r -> r.cluster(cluster).tasks(page.taskArns())).tasks();
                        clock.advance(Duration.ofMillis(50));
                        running += (int) tasks.stream().filter(t -> t.lastStatus().equals("RUNNING")).count();
                    }
                    token = page.nextToken();
                } while (token != null);
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
            Duration cpu = Duration.ofNanos(processCpuNanos() - cpuStart);
            long heapPerTask = (usedHeap() - heapBefore) / Math.max(1, launched);
            ApiCallStats calls = simulator.admin().apiCalls();
            return new Result(launched, listed, running, calls.totalCalls(),
                    calls.throttled().values().stream().mapToLong(Long::longValue).sum(), wall, cpu,
                    Duration.between(VirtualClock.create().instant(), clock.instant()), heapPerTask);
        }
    }

    /** CPU time of the whole JVM (client and simulator threads): the figure that does not depend on machine load. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
