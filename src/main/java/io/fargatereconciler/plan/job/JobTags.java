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
 * {@code fargate-reconciler/job-run: 2024-03-10T07:00:00Z} and {@code fargate-reconciler/job-attempt: 3 start=1 task=1}
 * (attempt 3, after one start failure and one task failure). With the group and spec-hash tags that makes four
 * of the 50 tags ECS allows a task.
 */
public final class JobTags {
    /** The attempt number (1-based) and the run's failures before it: {@code 3 start=1 task=1}. */
    public static final String ATTEMPT_TAG = "fargate-reconciler/job-attempt";

    private static final Pattern ATTEMPT = Pattern.compile("(\\d{1,6}) start=(\\d{1,6}) task=(\\d{1,6})");

    private JobTags() {
    }

    /** What one task's tags say about the run it belongs to. */
    record Attempt(JobRunId run, int attempt, int startFailuresBefore, int taskFailuresBefore) {
    }

    static Map<String, String> forAttempt(JobRun run) {
        return Map.of(Ownership.JOB_RUN_TAG, run.id().tagValue(),
                ATTEMPT_TAG, run.attempt() + " start=" + run.startFailures() + " task=" + run.taskFailures());
    }

    /** Reads the run tags of {@code task} of job {@code job}; empty when the task has no (valid) run tag. */
    static Optional<Attempt> read(String job, ObservedTask task) {
        Optional<JobRunId> run = JobRunId.fromTag(job, task.tags().get(Ownership.JOB_RUN_TAG));
        if (run.isEmpty()) {
            return Optional.empty();
        }
        int attempt = 1;
        int startFailures = 0;
        int taskFailures = 0;
        Matcher tag = ATTEMPT.matcher(task.tags().getOrDefault(ATTEMPT_TAG, ""));
        if (tag.matches() && Integer.parseInt(tag.group(1)) >= 1) {
            attempt = Integer.parseInt(tag.group(1));
            startFailures = Integer.parseInt(tag.group(2));
            taskFailures = Integer.parseInt(tag.group(3));
        }
        return Optional.of(new Attempt(run.get(), attempt, startFailures, taskFailures));
    }
}
