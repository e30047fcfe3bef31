package io.fargatereconciler.desired;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the daemon knows about its desired state: the state in force (the last good load; with Team documents, each
 * team at its last good files), when the source (folder or S3 prefix) was last read, and the errors of that latest
 * read (empty when it was good). Immutable.
 */
public record DesiredStateStatus(String path, LoadResult.Valid lastGoodOrNull, Instant lastAttemptAtOrNull,
                                 List<ValidationError> errors) {
    public DesiredStateStatus {
        errors = List.copyOf(errors);
    }

    static DesiredStateStatus notLoaded(String path) {
        return new DesiredStateStatus(path, null, null, List.of());
    }

    /** The state in force, until a newer good read replaces it; marked incomplete while the latest read had errors. */
    public Optional<LoadResult.Valid> lastGood() {
        return Optional.ofNullable(lastGoodOrNull);
    }

    /** When the source was last read, successfully or not; empty before the first read. */
    public Optional<Instant> lastAttemptAt() {
        return Optional.ofNullable(lastAttemptAtOrNull);
    }

    DesiredStateStatus after(LoadResult result, Instant attemptedAt) {
        if (result instanceof LoadResult.Valid valid) {
            return new DesiredStateStatus(path, keepIfSame(valid), attemptedAt, List.of());
        }
        if (result instanceof LoadResult.PartlyValid partly) {
            return new DesiredStateStatus(path, keepIfSame(partly.inForce()), attemptedAt, partly.errors());
        }
        LoadResult.Valid incomplete = lastGoodOrNull == null || !lastGoodOrNull.state().complete() ? lastGoodOrNull
                : new LoadResult.Valid(lastGoodOrNull.state().incomplete(), lastGoodOrNull.revision(),
                        lastGoodOrNull.files());
        return new DesiredStateStatus(path, incomplete, attemptedAt, result.errors());
    }

    /** The same content read again keeps the state object in force (and its time), unless its completeness changed. */
    private LoadResult.Valid keepIfSame(LoadResult.Valid valid) {
        boolean same = lastGoodOrNull != null && lastGoodOrNull.revision().equals(valid.revision())
                && lastGoodOrNull.state().complete() == valid.state().complete();
        return same ? lastGoodOrNull : valid;
    }
}
