package io.fargatereconciler.bench;

import io.fargatereconciler.sim.SimulatorFixture;
import io.fargatereconciler.sim.TaskSnapshot;
import io.fargatereconciler.sim.VirtualClock;
import io.fargatereconciler.sim.events.TaskStateChangeEvent;
import io.fargatereconciler.sim.events.TaskStateChangeListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The AWS knowledge-center recipe: one Step Functions execution per copy to start, whose task state does RunTask
 * (count 1) and waits for the task to be RUNNING, with {@code Retry: IntervalSeconds 10, BackoffRate 2,
 * MaxAttempts 3} on any error (a throttled or failed RunTask, a task that stopped before RUNNING), and a Catch that
 * publishes one SNS message when the retries are used up. As in Step Functions, MaxAttempts counts retries, so an
 * execution makes at most 4 attempts, 10 s, 20 s and 40 s apart.
 * <p>
 * Modelling choices: executions run in parallel (their RunTask calls take no turn after one another); each state machine (one per group) marks its
 * tasks with {@code startedBy: sfn-<group>}; the wait for RUNNING follows the task's state-change events (Step Functions' own polling is not counted as account API calls);
 * with {@code replaceStoppedCopies}, an EventBridge rule on "task stopped" starts one new execution for every copy
 * that stops after having run (a failed start is the execution's own retry, not a new execution).
 */
final class StepFunctionsRecipe implements Strategy, TaskStateChangeListener {
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final int BACKOFF_RATE = 2;
    static final int MAX_ATTEMPTS = 3;
    static final String STARTED_BY_PREFIX = "sfn-";

    /** How one execution ended (or that it has not yet). */
    record Outcome(Workload.Group group, Instant startedAt, String runId, int attempts, Instant runningAt,
                   boolean gaveUp) {
    }

    private final class Execution {
        final Workload.Group group;
        final Instant startedAt;
        final String runId;
        int attempt;
        Instant nextAttemptAt;

        Execution(Workload.Group group, Instant startedAt, String runId) {
            this.group = group;
            this.startedAt = startedAt;
            this.runId = runId;
            this.nextAttemptAt = startedAt;
        }
    }

    private final EcsClient ecs;
    private final SnsClient sns;
    private final String topicArn;
    private final VirtualClock clock;
    private final boolean replaceStoppedCopies;
    private final Queue<TaskStateChangeEvent> events = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Execution> due = new PriorityQueue<>(Comparator.comparing(e -> e.nextAttemptAt));
    private final Map<String, Execution> waitingForRunning = new HashMap<>();
    private final Map<String, Workload.Group> runningCopies = new HashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    StepFunctionsRecipe(EcsClient ecs, SnsClient sns, String topicArn, VirtualClock clock,
                        boolean replaceStoppedCopies) {
        this.ecs = ecs;
        this.sns = sns;
        this.topicArn = topicArn;
        this.clock = clock;
        this.replaceStoppedCopies = replaceStoppedCopies;
    }

    @Override
    public String name() {
        return "Step Functions recipe";
    }

    /** Starts one execution for one copy of {@code group} now ({@code runId}: the scheduled run it is for, or null). */
    void startExecution(Workload.Group group, String runId) {
        due.add(new Execution(group, clock.instant(), runId));
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    @Override
    public String groupOf(TaskSnapshot task) {
        return Strategy.suffixAfter(STARTED_BY_PREFIX, task.startedBy());
    }

    @Override
    public void onTaskStateChange(TaskStateChangeEvent event) {
        events.add(event);
    }

    @Override
    public void runDue() {
        for (TaskStateChangeEvent event; (event = events.poll()) != null; ) {
            follow(event);
        }
        Instant now = clock.instant();
        while (!due.isEmpty() && !due.peek().nextAttemptAt.isAfter(now)) {
            attempt(due.poll(), now);
        }
    }

    private void follow(TaskStateChangeEvent event) {
        if ("RUNNING".equals(event.lastStatus())) {
            Execution execution = waitingForRunning.remove(event.taskArn());
            if (execution != null) {
                outcomes.add(new Outcome(execution.group, execution.startedAt, execution.runId, execution.attempt,
                        event.time(), false));
                runningCopies.put(event.taskArn(), execution.group);
            }
        } else if ("STOPPED".equals(event.lastStatus())) {
            Execution execution = waitingForRunning.remove(event.taskArn());
            if (execution != null) {
                failed(execution, event.time());
            } else {
                Workload.Group group = runningCopies.remove(event.taskArn());
                if (group != null && replaceStoppedCopies) {
                    due.add(new Execution(group, event.time(), null));
                }
            }
        }
    }

    private void attempt(Execution execution, Instant now) {
        execution.attempt++;
        Workload.Group group = execution.group;
        try {
            RunTaskResponse response = ecs.runTask(SimulatorFixture.request(group.cluster(), group.taskDefinition(), 1,
                    group.subnets().toArray(String[]::new)).startedBy(STARTED_BY_PREFIX + group.name()).build());
            if (response.tasks().isEmpty()) {
                failed(execution, now);
            } else {
                waitingForRunning.put(response.tasks().get(0).taskArn(), execution);
            }
        } catch (SdkException throttledOrFailed) {
            failed(execution, now);
        }
    }

    private void failed(Execution execution, Instant at) {
        if (execution.attempt <= MAX_ATTEMPTS) {
            long factor = (long) Math.pow(BACKOFF_RATE, execution.attempt - 1);
            execution.nextAttemptAt = at.plus(INTERVAL.multipliedBy(factor));
            due.add(execution);
            return;
        }
        outcomes.add(new Outcome(execution.group, execution.startedAt, execution.runId, execution.attempt, null, true));
        sns.publish(r -> r.topicArn(topicArn).subject("Task failed to start: " + execution.group.name())
                .message("{\"group\":\"" + execution.group.name() + "\",\"attempts\":" + execution.attempt + "}"));
    }
}
