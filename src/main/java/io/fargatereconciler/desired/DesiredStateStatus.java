package io.fargatereconciler.desired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the daemon knows about its desired state: the last good load (in force), when the source (folder or S3
 * prefix) was last read, the errors of that latest read (empty when it was good), and what could not be done with
 * the state in force when it took force ({@code applyFailures}, e.g. the dev-mode simulator could not be seeded;
 * empty when everything went through). Immutable.
 */
public record DesiredStateStatus(String path, LoadResult.Valid lastGoodOrNull, Instant lastAttemptAtOrNull,
                                 List<ValidationError> errors, List<String> applyFailures) {
    public DesiredStateStatus {
        errors = List.copyOf(errors);
        applyFailures = List.copyOf(applyFailures);
    }

    static DesiredStateStatus notLoaded(String path) {
        return new DesiredStateStatus(path, null, null, List.of(), List.of());
    }

    /** The last valid load, in force until a newer valid one replaces it. */
    public Optional<LoadResult.Valid> lastGood() {
        return Optional.ofNullable(lastGoodOrNull);
    }

    /** When the source was last read, successfully or not; empty before the first read. */
    public Optional<Instant> lastAttemptAt() {
        return Optional.ofNullable(lastAttemptAtOrNull);
    }

    /** A new revision taking force starts with no apply failures; any other load keeps those of the one in force. */
    DesiredStateStatus after(LoadResult result, Instant attemptedAt) {
        if (result instanceof LoadResult.Valid valid) {
            boolean same = lastGoodOrNull != null && lastGoodOrNull.revision().equals(valid.revision());
            return new DesiredStateStatus(path, same ? lastGoodOrNull : valid, attemptedAt, List.of(),
                    same ? applyFailures : List.of());
        }
        return new DesiredStateStatus(path, lastGoodOrNull, attemptedAt, ((LoadResult.Invalid) result).errors(),
                applyFailures);
    }

    /** This status plus {@code failure}, when {@code revision} is the one in force; unchanged otherwise. */
    DesiredStateStatus withApplyFailure(String revision, String failure) {
        if (lastGoodOrNull == null || !lastGoodOrNull.revision().equals(revision)) {
            return this;
        }
        List<String> failures = new ArrayList<>(applyFailures);
        failures.add(failure);
        return new DesiredStateStatus(path, lastGoodOrNull, lastAttemptAtOrNull, errors, failures);
    }
}
