package io.fargatereconciler.plan.job;

import io.fargatereconciler.desired.Job;
import io.fargatereconciler.observe.ContainerExit;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.TaskStatus;
import io.fargatereconciler.plan.Action;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.subnet.HealthSteering;
import io.fargatereconciler.plan.subnet.SubnetFailureKind;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A Job planner test bench on virtual time: the planner plus the least of ECS it needs, at the level of our records
 * (tasks with tags, clientTokens remembered, STOPPED tasks shown once, like the observer shows newly stopped tasks),
 * and the loop's part (carry out actions, feed RunTask answers back, keep the memory). No server, no mocks.
 */
final class JobWorld {
    static final String CLUSTER = "jobs";

    Job job;
    Instant now;
    JobMemory memory;
    JobPlan lastPlan;
    final List<JobEvent> events = new ArrayList<>();
    final List<Launch> launches = new ArrayList<>();
    final List<Stop> stops = new ArrayList<>();
    /** What RunTask does with the next launches, in order; when empty it starts the task. */
    final List<Function<Launch, JobLaunchResult>> nextRunTaskAnswers = new ArrayList<>();
    /** RunTask answers that get lost on the way back (the daemon never hears of them). */
    int answersToLose;
    /**
     * Subnet health as the loop's tracker keeps it (ENI timeouts and RUNNING tasks fed in by {@link #eniTimeout} and
     * {@link #running}); null: no steering, the spec's subnets as written.
     */
    SubnetHealthBook subnetHealth;
    /** RunTask calls ECS refused with a ConflictException (a token re-sent with other parameters). */
    final List<Launch> conflicts = new ArrayList<>();

    private final JobPlanner planner = new JobPlanner();
    private final Map<String, ObservedTask> tasks = new LinkedHashMap<>();
    private final Map<String, String> taskByToken = new HashMap<>();
    private final Map<String, List<String>> subnetsByToken = new HashMap<>();
    private final Set<String> stoppedShown = new HashSet<>();
    /** Tasks ListTasks does not show yet (its answer lags behind RunTask). */
    final Set<String> hidden = new HashSet<>();
    private int nextArn = 1;

    JobWorld(Job job, Instant start) {
        this.job = job;
        this.now = start;
        this.memory = JobMemory.startingAt(start);
    }

    /** One loop pass: plan on what ECS shows, carry out the actions, feed the answers back. */
    JobPlan pass() {
        lastPlan = planner.plan(job, observe(), memory, now,
                subnetHealth == null ? null : new HealthSteering(subnetHealth, now));
        memory = lastPlan.memory();
        events.addAll(lastPlan.events());
        for (Action action : lastPlan.actions()) {
            if (action instanceof Launch launch) {
                launches.add(launch);
                JobLaunchResult answer = runTask(launch);
                if (answersToLose > 0) {
                    answersToLose--;
                } else {
                    memory = planner.afterLaunch(job, memory, launch.clientToken(), answer, now);
                }
            } else if (action instanceof Stop stop) {
                stops.add(stop);
                stopTask(stop.taskArn(), StopCause.STOPPED_BY_RECONCILER, stop.reason());
            }
        }
        return lastPlan;
    }

    /** Moves the clock to the plan's wake time (or by the resync period) and passes; {@code times} times. */
    void passAtWakeTimes(int times) {
        for (int i = 0; i < times; i++) {
            Instant wake = lastPlan == null || lastPlan.wakeAt() == null ? now.plusSeconds(30) : lastPlan.wakeAt();
            now = wake.isAfter(now) ? wake : now;
            pass();
        }
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Passes every {@code step} until {@code end}, letting {@code ecs} act on the tasks before each pass. */
    void runUntil(Instant end, Duration step, Runnable ecs) {
        while (now.isBefore(end)) {
            now = now.plus(step);
            ecs.run();
            pass();
        }
    }

    /** The daemon restarts: memory and subnet health gone, the observer no longer knows the ARNs of stopped tasks. */
    void restartDaemon() {
        memory = JobMemory.afterDaemonStart();
        if (subnetHealth != null) {
            subnetHealth = SubnetHealthBook.EMPTY; // the daemon's tracker starts empty too
        }
        stoppedShown.addAll(tasks.keySet().stream().filter(arn -> tasks.get(arn).isStopped()).toList());
    }

    private List<ObservedTask> observe() {
        List<ObservedTask> seen = new ArrayList<>();
        for (ObservedTask task : tasks.values()) {
            if (hidden.contains(task.taskArn())) {
                continue;
            }
            if (!task.isStopped()) {
                seen.add(task);
            } else if (stoppedShown.add(task.taskArn())) {
                seen.add(task);
            }
        }
        return seen;
    }

    private JobLaunchResult runTask(Launch launch) {
        String existing = taskByToken.get(launch.clientToken());
        if (existing != null && !tokenRemembered(tasks.get(existing))) {
            existing = null; // ECS forgot the token: it starts a new task
        }
        if (existing != null && !subnetsByToken.get(launch.clientToken()).equals(launch.subnets())) {
            conflicts.add(launch);
            stoppedShown.remove(existing); // ECS names the task in resourceIds; the observer describes it
            return JobLaunchResult.tokenConflict("The clientToken '" + launch.clientToken()
                    + "' was already used with different parameters.", tasks.get(existing));
        }
        if (existing != null) {
            ObservedTask task = tasks.get(existing);
            if (task.isStopped()) {
                stoppedShown.remove(existing); // the observer follows the ARN RunTask returned and describes it
                return JobLaunchResult.tokenReused(task);
            }
            return JobLaunchResult.started(task);
        }
        if (!nextRunTaskAnswers.isEmpty()) {
            JobLaunchResult answer = nextRunTaskAnswers.remove(0).apply(launch);
            if (answer.outcome() != JobLaunchResult.Outcome.STARTED) {
                return answer;
            }
        }
        String arn = "arn:aws:ecs:eu-west-1:123456789012:task/" + CLUSTER + "/t" + nextArn++;
        Map<String, String> tags = new HashMap<>(launch.extraTags());
        tags.put(Ownership.GROUP_TAG, launch.group().toString());
        tags.put(Ownership.SPEC_HASH_TAG, launch.task().specHash());
        tasks.put(arn, new ObservedTask(arn, CLUSTER, launch.group(), launch.task().specHash(), Ownership.DEFAULT_OWNER_ID,
                TaskStatus.PROVISIONING, TaskStatus.RUNNING, now, null, null, launch.subnets().get(0), null, null, null,
                List.of(), tags));
        taskByToken.put(launch.clientToken(), arn);
        subnetsByToken.put(launch.clientToken(), launch.subnets());
        return JobLaunchResult.started(tasks.get(arn));
    }

    /** ECS remembers a clientToken for min(24 h, task life + 1 h). */
    private boolean tokenRemembered(ObservedTask task) {
        Instant forgetAt = task.createdAt().plus(Duration.ofHours(24));
        if (task.stoppedAt() != null && task.stoppedAt().plus(Duration.ofHours(1)).isBefore(forgetAt)) {
            forgetAt = task.stoppedAt().plus(Duration.ofHours(1));
        }
        return now.isBefore(forgetAt);
    }

    // --- what ECS does to tasks, driven by the tests

    List<ObservedTask> liveTasks() {
        return tasks.values().stream().filter(task -> !task.isStopped()).toList();
    }

    List<ObservedTask> allTasks() {
        return List.copyOf(tasks.values());
    }

    /** The task launched last. */
    String lastArn() {
        return "arn:aws:ecs:eu-west-1:123456789012:task/" + CLUSTER + "/t" + (nextArn - 1);
    }

    void running(String arn) {
        ObservedTask t = tasks.get(arn);
        tasks.put(arn, new ObservedTask(arn, CLUSTER, t.group(), t.specHash(), t.startedBy(), TaskStatus.RUNNING,
                TaskStatus.RUNNING, t.createdAt(), now, null, t.subnetId(), null, null, null, List.of(), t.tags()));
        if (subnetHealth != null) {
            subnetHealth = subnetHealth.afterStarted(t.subnetId(), now);
        }
    }

    void eniTimeout(String arn) {
        String reason = "Timeout waiting for network interface provisioning to complete.";
        stopTask(arn, StopCause.ENI_PROVISIONING_TIMEOUT, reason);
        if (subnetHealth != null) {
            subnetHealth = subnetHealth.afterFailure(tasks.get(arn).subnetId(), SubnetFailureKind.ENI_PROVISIONING,
                    reason, now, now);
        }
    }

    void exits(String arn, int code) {
        ObservedTask t = tasks.get(arn);
        Instant started = t.startedAt() != null ? t.startedAt() : now;
        tasks.put(arn, new ObservedTask(arn, CLUSTER, t.group(), t.specHash(), t.startedBy(), TaskStatus.STOPPED,
                TaskStatus.STOPPED, t.createdAt(), started, now, t.subnetId(), "EssentialContainerExited",
                "Essential container in task exited", StopCause.ESSENTIAL_CONTAINER_EXITED,
                List.of(new ContainerExit("app", true, code, null), new ContainerExit("sidecar", false, 137, null)),
                t.tags()));
    }

    void stopTask(String arn, StopCause cause, String reason) {
        ObservedTask t = tasks.get(arn);
        tasks.put(arn, new ObservedTask(arn, CLUSTER, t.group(), t.specHash(), t.startedBy(), TaskStatus.STOPPED,
                TaskStatus.STOPPED, t.createdAt(), t.startedAt(), now, t.subnetId(), "TaskFailedToStart", reason, cause,
                List.of(), t.tags()));
    }

    // --- what the tests look at

    <E extends JobEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<JobRunRecord> finished(JobRunResult result) {
        return events(JobEvent.RunFinished.class).stream().map(JobEvent.RunFinished::record)
                .filter(record -> record.result() == result).toList();
    }

    long launchesWithDistinctTokens() {
        return launches.stream().map(Launch::clientToken).distinct().count();
    }
}
