package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.ConcurrencyPolicy;
import io.fargatereconciler.desired.DesiredDocument;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.NamedValue;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskSpec;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** {@code kind: Job}: schedule, time zone, retries, concurrency, deadline, completion and history. */
final class JobMapper implements KindMapper {
    private final TaskSpecMapper tasks;

    JobMapper(TaskSpecMapper tasks) {
        this.tasks = tasks;
    }

    @Override
    public Optional<DesiredDocument> map(MappingReader spec, Metadata metadata, SourceLocation source,
                                         List<NamedValue> named) {
        int mark = spec.problems().mark();
        Optional<String> schedule = spec.text("schedule")
                .filter(cron -> spec.accept("schedule", Schedules.cronProblem(cron)));
        Optional<ZoneId> timeZone = spec.text("timeZone").flatMap(id -> {
            Optional<ZoneId> zone = Schedules.zone(id);
            if (zone.isEmpty()) {
                spec.error("timeZone", "must be a time-zone id such as UTC or Europe/Berlin, not "
                        + spec.at("timeZone").describe());
            }
            return zone;
        });
        int backoffLimit = PolicyMapper.notNegative(spec, "backoffLimit").orElse(Job.DEFAULT_BACKOFF_LIMIT);
        ConcurrencyPolicy concurrency = spec.choice("concurrencyPolicy", ConcurrencyPolicy.class)
                .orElse(ConcurrencyPolicy.Allow);
        Optional<Integer> deadline = spec.integer("startingDeadlineSeconds").filter(seconds -> spec.accept(
                "startingDeadlineSeconds", seconds >= 1 ? Optional.empty()
                        : Optional.of("must be at least 1, not " + seconds)));
        CompleteWhen completeWhen = spec.choice("completeWhen", CompleteWhen.class).orElse(CompleteWhen.Succeeded);
        boolean suspend = spec.bool("suspend").orElse(false);
        int successfulHistory = PolicyMapper.notNegative(spec, "successfulJobsHistoryLimit")
                .orElse(Job.DEFAULT_SUCCESSFUL_HISTORY);
        int failedHistory = PolicyMapper.notNegative(spec, "failedJobsHistoryLimit").orElse(Job.DEFAULT_FAILED_HISTORY);
        Optional<TaskSpec> task = tasks.map(spec, named);
        spec.rejectUnknownFields();
        if (!spec.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new Job(metadata, source, task.orElseThrow(), schedule.orElse(null), timeZone.orElse(null),
                backoffLimit, concurrency, deadline.map(Integer::longValue).orElse(null), completeWhen, suspend,
                successfulHistory, failedHistory));
    }
}
