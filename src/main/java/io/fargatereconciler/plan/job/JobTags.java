package io.fargatereconciler.plan.job;

import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.Ownership;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tags a Job's task carries beside the ownership tags, so that a restarted daemon (empty memory) can tell from
 * ECS alone which run and which attempt a task is, and how many failures came before it:
 * {@code fargate-reconciler/job-run: 2024-03-10T07:00:00Z}, {@code fargate-reconciler/job-attempt: 3},
 * {@code fargate-reconciler/job-failures: start=1 task=1}.
 */
public final class JobTags {
    /** The attempt number (1-based) of the run this task is. */
    public static final String ATTEMPT_TAG = "fargate-reconciler/job-attempt";
    /** Failures of the run before this attempt: {@code start=N task=M}. */
    public static final String FAILURES_TAG = "fargate-reconciler/job-failures";

    private static final Pattern FAILURES = Pattern.compile("start=(\\d{1,6}) task=(\\d{1,6})");

    private JobTags() {
    }

    /** What one task's tags say about the run it belongs to. */
    record Attempt(JobRunId run, int attempt, int startFailuresBefore, int taskFailuresBefore) {
    }

    static Map<String, String> forAttempt(JobRun run) {
        return Map.of(Ownership.JOB_RUN_TAG, run.id().tagValue(),
                ATTEMPT_TAG, Integer.toString(run.attempt()),
                FAILURES_TAG, "start=" + run.startFailures() + " task=" + run.taskFailures());
    }

    /** Reads the run tags of {@code task} of job {@code job}; empty when the task has no (valid) run tag. */
    static Optional<Attempt> read(String job, ObservedTask task) {
        Optional<JobRunId> run = JobRunId.fromTag(job, task.tags().get(Ownership.JOB_RUN_TAG));
        if (run.isEmpty()) {
            return Optional.empty();
        }
        int attempt = 1;
        String attemptTag = task.tags().get(ATTEMPT_TAG);
        if (attemptTag != null && attemptTag.matches("\\d{1,6}") && Integer.parseInt(attemptTag) >= 1) {
            attempt = Integer.parseInt(attemptTag);
        }
        int startFailures = 0;
        int taskFailures = 0;
        Matcher failures = FAILURES.matcher(task.tags().getOrDefault(FAILURES_TAG, ""));
        if (failures.matches()) {
            startFailures = Integer.parseInt(failures.group(1));
            taskFailures = Integer.parseInt(failures.group(2));
        }
        return Optional.of(new Attempt(run.get(), attempt, startFailures, taskFailures));
    }
}
