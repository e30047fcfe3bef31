package io.fargatereconciler.plan.job;

import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.ConcurrencyPolicy;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskSpec;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Jobs for planner tests: {@code TestJobs.scheduled("0 * * * *").concurrency(Forbid).build()}. */
final class TestJobs {
    private String name = "nightly";
    private String schedule;
    private ZoneId zone = ZoneId.of("UTC");
    private int backoffLimit = Job.DEFAULT_BACKOFF_LIMIT;
    private ConcurrencyPolicy concurrency = ConcurrencyPolicy.Allow;
    private Long deadline;
    private CompleteWhen completeWhen = CompleteWhen.Succeeded;
    private boolean suspend;
    private int successfulHistory = Job.DEFAULT_SUCCESSFUL_HISTORY;
    private int failedHistory = Job.DEFAULT_FAILED_HISTORY;
    private String taskDefinition = "report:1";
    private BackoffPolicy backoff = BackoffPolicy.DEFAULT;

    static TestJobs scheduled(String schedule) {
        TestJobs jobs = new TestJobs();
        jobs.schedule = schedule;
        return jobs;
    }

    static TestJobs once() {
        return new TestJobs();
    }

    TestJobs zone(String zoneId) {
        this.zone = ZoneId.of(zoneId);
        return this;
    }

    TestJobs backoffLimit(int limit) {
        this.backoffLimit = limit;
        return this;
    }

    TestJobs concurrency(ConcurrencyPolicy policy) {
        this.concurrency = policy;
        return this;
    }

    TestJobs deadline(Duration startingDeadline) {
        this.deadline = startingDeadline.getSeconds();
        return this;
    }

    TestJobs completeWhen(CompleteWhen when) {
        this.completeWhen = when;
        return this;
    }

    TestJobs suspend(boolean suspended) {
        this.suspend = suspended;
        return this;
    }

    TestJobs history(int successful, int failed) {
        this.successfulHistory = successful;
        this.failedHistory = failed;
        return this;
    }

    TestJobs taskDefinition(String definition) {
        this.taskDefinition = definition;
        return this;
    }

    TestJobs backoff(BackoffPolicy policy) {
        this.backoff = policy;
        return this;
    }

    Job build() {
        TaskSpec task = new TaskSpec("jobs", taskDefinition, null, List.of(), null,
                new Network(List.of("subnet-a", "subnet-b"), List.of("sg-1"), false), null, Map.of("team", "data"),
                null, false, backoff, null);
        return new Job(new Metadata(name, Map.of()), new SourceLocation("jobs/" + name + ".yaml", 1, 1), task,
                schedule, zone, backoffLimit, concurrency, deadline, completeWhen, suspend, successfulHistory,
                failedHistory);
    }
}
