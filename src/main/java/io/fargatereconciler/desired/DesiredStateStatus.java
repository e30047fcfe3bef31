package io.fargatereconciler.desired;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the daemon knows about its desired state: the last good load (in force), when the source (folder or S3
 * prefix) was last read, and the errors of that latest read (empty when it was good). Immutable.
 */
public record DesiredStateStatus(String path, LoadResult.Valid lastGoodOrNull, Instant lastAttemptAtOrNull,
                                 List<ValidationError> errors) {
    public DesiredStateStatus {
        errors = List.copyOf(errors);
    }

    static DesiredStateStatus notLoaded(String path) {
        return new DesiredStateStatus(path, null, null, List.of());
    }

    /** The last valid load, in force until a newer valid one replaces it. */
    public Optional<LoadResult.Valid> lastGood() {
        return Optional.ofNullable(lastGoodOrNull);
    }

    /** When the source was last read, successfully or not; empty before the first read. */
    public Optional<Instant> lastAttemptAt() {
        return Optional.ofNullable(lastAttemptAtOrNull);
    }

    DesiredStateStatus after(LoadResult result, Instant attemptedAt) {
        if (result instanceof LoadResult.Valid valid) {
            boolean same = lastGoodOrNull != null && lastGoodOrNull.revision().equals(valid.revision());
            return new DesiredStateStatus(path, same ? lastGoodOrNull : valid, attemptedAt, List.of());
        }
        return new DesiredStateStatus(path, lastGoodOrNull, attemptedAt, ((LoadResult.Invalid) result).errors());
    }
}
