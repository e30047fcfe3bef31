package io.fargatereconciler.api;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.GroupReport;
import io.fargatereconciler.loop.GroupStatusBook;
import io.fargatereconciler.loop.PassRecorder;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.plan.Hold;
import io.fargatereconciler.plan.OrphanGroup;
import io.fargatereconciler.plan.job.JobRunResult;
import io.fargatereconciler.plan.subnet.SubnetFailureKind;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import io.fargatereconciler.plan.subnet.SubnetStanding;
import io.fargatereconciler.plan.subnet.TestEniOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The reconciler's Prometheus metrics ({@code /q/metrics}): counters pushed as the loop goes, per-group gauges
 * refreshed from the {@link GroupStatusBook} after every pass. Micrometer names map to Prometheus names such as
 * {@code reconciler_reconcile_passes_total} and {@code reconciler_launches_total{group,result}}. Per-subnet gauges
 * (failure score, free IPs, health rank) are refreshed after every pass from the subnet-health book.
 */
public final class ReconcilerMetrics implements PassRecorder {
    private final MeterRegistry registry;
    private final GroupStatusBook status;
    private final InstantSource clock;
    private final Counter passes;
    private final Counter errors;
    private final Timer duration;
    private final MultiGauge desired;
    private final MultiGauge running;
    private final MultiGauge pending;
    private final MultiGauge backoffRemaining;
    private final MultiGauge held;
    private final MultiGauge subnetScore;
    private final MultiGauge subnetFreeIps;
    private final MultiGauge subnetAvoided;
    private final MultiGauge stallThreshold;
    private final Counter stallStops;
    private volatile double launchRate = Double.NaN;

    public ReconcilerMetrics(MeterRegistry registry, GroupStatusBook status, InstantSource clock) {
        this.registry = registry;
        this.status = status;
        this.clock = clock;
        this.passes = Counter.builder("reconciler.reconcile.passes").description("Reconcile passes run").register(registry);
        this.errors = Counter.builder("reconciler.reconcile.errors")
                .description("Reconcile passes that ended on an unexpected error").register(registry);
        this.duration = Timer.builder("reconciler.reconcile.duration").description("Wall time of one reconcile pass")
                .register(registry);
        this.desired = multiGauge("reconciler.group.desired.copies", "Copies the desired state asks for");
        this.running = multiGauge("reconciler.group.running.copies", "Copies ECS reports RUNNING");
        this.pending = multiGauge("reconciler.group.pending.copies", "Live copies not RUNNING yet");
        this.backoffRemaining = multiGauge("reconciler.group.backoff.remaining.seconds",
                "Seconds until the group's next launch attempt after failures (0 when none is waiting)");
        this.held = multiGauge("reconciler.groups.held",
                "Groups launching fewer copies than are missing, by why (hold: BUDGET, BACKOFF, PAUSED, ...)");
        this.subnetScore = multiGauge("reconciler.subnet.failure.score",
                "Decaying ENI/IP failure score of the subnet (healthy below reconciler.subnets.healthy-below)");
        this.subnetFreeIps = multiGauge("reconciler.subnet.free.ips",
                "Free IP addresses of the subnet as EC2 DescribeSubnets last reported them");
        this.subnetAvoided = multiGauge("reconciler.subnet.health",
                "Where the subnet ranks for launches: 0 healthy, 0.5 probing (no recent successful start), 1 suspect "
                        + "(recent failure), 2 avoided");
        this.stallThreshold = multiGauge("reconciler.stall.threshold.seconds",
                "How long a task may stay in PROVISIONING in the subnet before it counts as stalled");
        this.stallStops = Counter.builder("reconciler.stall.stops")
                .description("StopTask calls ECS accepted for tasks stalled in PROVISIONING").register(registry);
        Gauge.builder("reconciler.launch.budget.tasks.per.second", this, metrics -> metrics.launchRate)
                .description("The launch budget's current rate: the account's rates minus the reserve, halved on "
                        + "throttling and grown back slowly").register(registry);
    }

    /** Gauges over values the loop and planner own: work-queue depth and launches in flight. */
    public void watch(IntSupplier queueDepth, IntSupplier expectationsInFlight) {
        Gauge.builder("reconciler.work.queue.depth", queueDepth, s -> s.getAsInt())
                .description("Groups waiting on the work queue").strongReference(true).register(registry);
        Gauge.builder("reconciler.expectations.in.flight", expectationsInFlight, s -> s.getAsInt())
                .description("Launched copies ECS does not list yet (expectations)").strongReference(true)
                .register(registry);
    }

    /** The live copies of ours whose group is not declared (orphans), over all groups. */
    public void watchOrphans(Supplier<Map<ResourceKey, OrphanGroup>> orphans) {
        Gauge.builder("reconciler.orphaned.tasks", orphans,
                        s -> s.get().values().stream().mapToInt(orphan -> orphan.tasks().size()).sum())
                .description("Live copies of ours whose group the desired state does not declare (orphans); stopped"
                        + " only with reconciler.orphans.stop-after")
                .strongReference(true).register(registry);
    }

    @Override
    public void passFinished(Duration took, boolean failed) {
        passes.increment();
        if (failed) {
            errors.increment();
        }
        duration.record(took);
        refreshGroupGauges();
    }

    @Override
    public void launch(ResourceKey group, String result, int copies) {
        registry.counter("reconciler.launches", Tags.of("group", group.toString(), "result", result)).increment(copies);
    }

    @Override
    public void taskStopped(ResourceKey group, StopCause cause, String subnetId) {
        String reason = cause == null ? "UNKNOWN" : cause.name();
        registry.counter("reconciler.stops", Tags.of("group", group.toString(), "reason", reason)).increment();
        if (SubnetFailureKind.of(cause).isPresent()) {
            registry.counter("reconciler.eni.failures",
                    Tags.of("subnet", subnetId == null ? "unknown" : subnetId, "cause", reason)).increment();
        }
    }

    @Override
    public void launchBudget(double tasksPerSecond) {
        launchRate = tasksPerSecond;
    }

    @Override
    public void taskStalled(String subnetId) {
        registry.counter("reconciler.stalled.tasks", Tags.of("subnet", subnetId)).increment();
    }

    @Override
    public void stallStopped(ResourceKey group) {
        stallStops.increment();
    }

    @Override
    public void stopRequested(ResourceKey group, String result) {
        registry.counter("reconciler.stop.requests", Tags.of("group", group.toString(), "result", result)).increment();
    }

    @Override
    public void jobRunsFinished(ResourceKey job, JobRunResult result, long count) {
        registry.counter("reconciler.job.runs", Tags.of("job", job.name(), "result", result.name())).increment(count);
    }

    @Override
    public void jobRunStarted(ResourceKey job, Duration scheduleDelay) {
        Timer.builder("reconciler.job.schedule.delay")
                .description("How late a Job run's task reached RUNNING after its scheduled time")
                .tags(Tags.of("job", job.name())).register(registry).record(scheduleDelay);
    }

    @Override
    public void jobAttemptFailed(ResourceKey job, boolean taskFailure) {
        registry.counter("reconciler.job.attempts.failed", Tags.of("job", job.name(), "kind", taskFailure ? "task" : "start"))
                .increment();
    }

    @Override
    public void subnetHealth(SubnetHealthBook book, Instant now) {
        List<SubnetStanding> standings = book.subnets().keySet().stream().map(id -> book.standing(id, now)).toList();
        subnetScore.register(rows(standings, SubnetStanding::score), true);
        subnetAvoided.register(rows(standings, ReconcilerMetrics::rank), true);
        stallThreshold.register(rows(standings, s -> book.stallThreshold(s.subnetId()).value().toMillis() / 1000.0),
                true);
        subnetFreeIps.register(rows(standings.stream().filter(s -> s.health().freeIps() != null).toList(),
                s -> s.health().freeIps()), true);
    }

    @Override
    public void testEni(String subnetId, TestEniOutcome.Result result) {
        registry.counter("reconciler.subnet.test.eni", Tags.of("subnet", subnetId, "result", result.name()))
                .increment();
    }

    @Override
    public void throttled(String operation) {
        registry.counter("reconciler.ecs.throttled.calls", Tags.of("operation", operation)).increment();
    }

    private void refreshGroupGauges() {
        var now = clock.instant();
        List<GroupReport> groups = status.all();
        register(desired, groups, g -> g.status().copies().desired());
        register(running, groups, g -> g.status().copies().running());
        register(pending, groups, g -> g.status().copies().pending());
        register(backoffRemaining, groups, g -> g.status().backoffUntil() == null ? 0
                : Math.max(0, Duration.between(now, g.status().backoffUntil()).toMillis() / 1000.0));
        Map<String, Long> holds = groups.stream().collect(
                Collectors.groupingBy(g -> g.status().hold().name(), TreeMap::new, Collectors.counting()));
        held.register(Arrays.stream(Hold.values()).filter(hold -> hold != Hold.NONE)
                .<MultiGauge.Row<?>>map(hold -> MultiGauge.Row.of(Tags.of("hold", hold.name()),
                        holds.getOrDefault(hold.name(), 0L)))
                .toList(), true);
    }

    /** 0 healthy, 0.5 probing, 1 suspect, 2 avoided (probing fits between without moving the other values). */
    private static double rank(SubnetStanding standing) {
        return switch (standing.tier()) {
            case HEALTHY -> 0;
            case PROBING -> 0.5;
            case SUSPECT -> 1;
            case AVOIDED -> 2;
        };
    }

    private static List<MultiGauge.Row<?>> rows(List<SubnetStanding> subnets, ToDoubleFunction<SubnetStanding> value) {
        return subnets.stream().<MultiGauge.Row<?>>map(s -> MultiGauge.Row.of(Tags.of("subnet", s.subnetId()),
                value.applyAsDouble(s))).toList();
    }

    private MultiGauge multiGauge(String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    private static void register(MultiGauge gauge, List<GroupReport> groups, ToDoubleFunction<GroupReport> value) {
        Function<GroupReport, MultiGauge.Row<?>> row =
                g -> MultiGauge.Row.of(Tags.of("group", g.status().group().toString()), value.applyAsDouble(g));
        gauge.register(groups.stream().<MultiGauge.Row<?>>map(row).toList(), true);
    }
}
