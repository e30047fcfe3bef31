package io.fargatereconciler.api;

import io.fargatereconciler.desired.DesiredStateStatus;
import io.fargatereconciler.desired.LoadResult;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.ValidationError;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/v1/desired-state}: the state in force ({@code inForce}, null before the first good
 * load), when the source (folder or S3 prefix) was last read, the errors of that read (empty when it was good),
 * and what could not be done with the state in force ({@code applyFailures}, empty when everything went through).
 */
public record DesiredStateView(String path, InForce inForce, Instant lastAttemptAt, boolean latestAttemptValid,
                               List<ValidationError> errors, List<String> applyFailures) {

    /** The last good load: its revision, when it was read, and what it declares. */
    public record InForce(String revision, Instant loadedAt, int files, int resources, int taskGroups, int jobs,
                          List<String> keys) {
        static InForce of(LoadResult.Valid valid) {
            return new InForce(valid.revision(), valid.state().loadedAt(), valid.files(),
                    valid.state().resources().size(), valid.state().taskGroups().size(), valid.state().jobs().size(),
                    valid.state().resources().keySet().stream().map(ResourceKey::toString).toList());
        }
    }

    static DesiredStateView of(DesiredStateStatus status) {
        return new DesiredStateView(status.path(), status.lastGood().map(InForce::of).orElse(null),
                status.lastAttemptAt().orElse(null), status.lastAttemptAt().isPresent() && status.errors().isEmpty(),
                status.errors(), status.applyFailures());
    }
}
