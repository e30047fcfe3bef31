package io.fargatereconciler.bench;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.ConcurrencyPolicy;
import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.NotificationEvent;
import io.fargatereconciler.desired.Notifications;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.sim.ApiCallStats;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.SubnetSeed;
import io.fargatereconciler.sim.TaskSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scheduled jobs for a simulated day ({@code bench/jobs-day.yaml}: 30 % of starts fail their ENI, two 20-minute
 * subnet outages): {@code jobs} jobs, each every {@code everyMinutes} minutes at its own minute offset, run to
 * completion (exit 0 after 2 minutes). Our Jobs (defaults: backoffLimit 6, Allow, notify on JobFailed) against one
 * recipe execution per scheduled run (results in that order: ours, the recipe, ours with events). A run started when one of its tasks reached RUNNING; its start delay is the
 * time from the scheduled instant to then.
 */
final class JobsDayScenario {
    static final String FILE = "jobs-day";

    /** The scale of a run; {@code tail} is the time after the day for the last runs to start or give up. */
    record Settings(int jobs, int everyMinutes, Duration day, Duration tail, Duration step) {
        static final Settings FULL = new Settings(10, 15, Duration.ofDays(1), Duration.ofMinutes(30),
                Duration.ofSeconds(1));
    }

    /** One scheduled run: when it was due, when it first ran (null: never), how many tasks it took. */
    record Run(String job, Instant scheduledAt, Instant runningAt, int attempts) {
        Duration startDelay() {
            return runningAt == null ? null : Duration.between(scheduledAt, runningAt);
        }
    }

    /** What one strategy did over the day. */
    record Result(String strategy, List<Run> runs, long notifications, long runTaskCalls, long tasksDoomed) {
        long started() {
            return runs.stream().filter(r -> r.runningAt() != null).count();
        }

        List<Duration> startDelays() {
            return runs.stream().map(Run::startDelay).filter(d -> d != null).sorted().toList();
        }

        long runsNeedingRetries() {
            return runs.stream().filter(r -> r.attempts() > 1).count();
        }
    }

    private JobsDayScenario() {
    }

    static List<Result> run(EcsConfig ecsConfig, Settings settings) {
        return List.of(reconciler(ecsConfig, settings, false), recipe(ecsConfig, settings),
                reconciler(ecsConfig, settings, true));
    }

    private static Workload workload(SimulatorConfig config, Settings settings) {
        List<Workload.Group> groups = new ArrayList<>();
        for (int j = 0; j < settings.jobs(); j++) {
            groups.add(new Workload.Group("job-" + j, config.clusters().get(0), config.taskDefinitions().get(0).family(),
                    1, config.subnets().stream().map(SubnetSeed::id).toList()));
        }
        return new Workload(groups);
    }

    /** Every run due within the day, in time order (job j runs at minute j mod every, every {@code every} minutes). */
    private static List<Run> schedule(Workload workload, Settings settings, Instant start) {
        List<Run> runs = new ArrayList<>();
        for (int j = 0; j < workload.groups().size(); j++) {
            Instant at = start.plus(Duration.ofMinutes(j % settings.everyMinutes()));
            for (; at.isBefore(start.plus(settings.day())); at = at.plus(Duration.ofMinutes(settings.everyMinutes()))) {
                runs.add(new Run(workload.groups().get(j).name(), at, null, 0));
            }
        }
        runs.sort((a, b) -> a.scheduledAt().compareTo(b.scheduledAt()));
        return runs;
    }

    private static Result reconciler(EcsConfig ecsConfig, Settings settings, boolean withEvents) {
        SimulatorConfig config = ScenarioRun.file(FILE);
        Workload workload = workload(config, settings);
        try (ScenarioRun run = new ScenarioRun(ecsConfig, config)) {
            Instant start = run.account.clock.instant();
            run.account.desire(workload.groups().stream().map(g -> job(g, settings, run.topicArn()))
                    .toArray(DesiredResource[]::new));
            try (ReconcilerStrategy ours = ReconcilerStrategy.notifying(run.account, 24, run.callLatency(),
                    run.snsNotifications(), withEvents)) {
                run.runFor(ours, settings.day().plus(settings.tail()), settings.step(), () -> { });
                ApiCallStats calls = run.calls();
                return new Result(ours.name(), observedRuns(run, schedule(workload, settings, start)),
                        run.notifications(), calls.calls("ecs:RunTask"), calls.tasksDoomed());
            }
        }
    }

    private static Job job(Workload.Group group, Settings settings, String topicArn) {
        int minute = Integer.parseInt(group.name().substring("job-".length())) % settings.everyMinutes();
        TaskSpec spec = new TaskSpec(group.cluster(), group.taskDefinition(), null, null, null,
                new Network(group.subnets(), List.of(), false), null, null, null, false, null,
                new Notifications(topicArn, Set.of(NotificationEvent.JobFailed)));
        return new Job(new Metadata(group.name(), null), new SourceLocation("bench/" + group.name() + ".yaml", 1, 1),
                spec, minute + "/" + settings.everyMinutes() + " * * * *", ZoneId.of("UTC"), Job.DEFAULT_BACKOFF_LIMIT,
                ConcurrencyPolicy.Allow, null, CompleteWhen.Succeeded, false, Job.DEFAULT_SUCCESSFUL_HISTORY,
                Job.DEFAULT_FAILED_HISTORY);
    }

    /** Our runs, read from the tasks' tags: the job (group tag) and the scheduled time (job-run tag). */
    private static List<Run> observedRuns(ScenarioRun run, List<Run> scheduled) {
        Map<String, List<TaskSnapshot>> tasksByRun = new HashMap<>();
        for (TaskSnapshot task : run.account.admin().tasks()) {
            String job = Strategy.suffixAfter("Job/", task.tags().get(Ownership.GROUP_TAG));
            String runTag = task.tags().get(Ownership.JOB_RUN_TAG);
            if (Ownership.DEFAULT_OWNER_ID.equals(task.startedBy()) && job != null && runTag != null) {
                tasksByRun.computeIfAbsent(job + "@" + Instant.parse(runTag), k -> new ArrayList<>()).add(task);
            }
        }
        return scheduled.stream().map(due -> {
            List<TaskSnapshot> tasks = tasksByRun.getOrDefault(due.job() + "@" + due.scheduledAt(), List.of());
            Instant runningAt = tasks.stream().map(TaskSnapshot::startedAt).filter(t -> t != null)
                    .min(Instant::compareTo).orElse(null);
            return new Run(due.job(), due.scheduledAt(), runningAt, tasks.size());
        }).toList();
    }

    private static Result recipe(EcsConfig ecsConfig, Settings settings) {
        SimulatorConfig config = ScenarioRun.file(FILE);
        Workload workload = workload(config, settings);
        try (ScenarioRun run = new ScenarioRun(ecsConfig, config)) {
            StepFunctionsRecipe recipe = run.recipe(false);
            Map<String, Workload.Group> groups = new HashMap<>();
            workload.groups().forEach(g -> groups.put(g.name(), g));
            List<Run> scheduled = schedule(workload, settings, run.account.clock.instant());
            Deque<Run> toStart = new ArrayDeque<>(scheduled);
            run.runFor(recipe, settings.day().plus(settings.tail()), settings.step(), () -> {
                while (!toStart.isEmpty() && !toStart.peek().scheduledAt().isAfter(run.account.clock.instant())) {
                    Run due = toStart.poll();
                    recipe.startExecution(groups.get(due.job()), due.job() + "@" + due.scheduledAt());
                }
            });
            Map<String, StepFunctionsRecipe.Outcome> outcomes = new HashMap<>();
            recipe.outcomes().forEach(o -> outcomes.put(o.runId(), o));
            List<Run> runs = scheduled.stream().map(due -> {
                StepFunctionsRecipe.Outcome outcome = outcomes.get(due.job() + "@" + due.scheduledAt());
                return outcome == null ? due
                        : new Run(due.job(), due.scheduledAt(), outcome.runningAt(), outcome.attempts());
            }).toList();
            ApiCallStats calls = run.calls();
            return new Result(recipe.name(), runs, run.notifications(), calls.calls("ecs:RunTask"),
                    calls.tasksDoomed());
        }
    }
}
