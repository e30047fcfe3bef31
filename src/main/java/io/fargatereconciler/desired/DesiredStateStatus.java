package io.fargatereconciler.desired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the daemon knows about its desired state: the state in force (the last good load; with Team documents, each
 * team at its last good files), when the source (folder or S3 prefix) was last read, the errors of that latest read
 * (empty when it was good), and what could not be done with the state in force when it took force
 * ({@code applyFailures}, e.g. the dev-mode simulator could not be seeded; empty when everything went through).
 * Immutable.
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

    /** The state in force, until a newer good read replaces it; marked incomplete while the latest read had errors. */
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
            LoadResult.Valid inForce = keepIfSame(valid);
            return new DesiredStateStatus(path, inForce, attemptedAt, List.of(), applyFailuresOf(inForce));
        }
        if (result instanceof LoadResult.PartlyValid partly) {
            LoadResult.Valid inForce = keepIfSame(partly.inForce());
            return new DesiredStateStatus(path, inForce, attemptedAt, partly.errors(), applyFailuresOf(inForce));
        }
        LoadResult.Valid incomplete = lastGoodOrNull == null || !lastGoodOrNull.state().complete() ? lastGoodOrNull
                : new LoadResult.Valid(lastGoodOrNull.state().incomplete(), lastGoodOrNull.revision(),
                        lastGoodOrNull.files());
        return new DesiredStateStatus(path, incomplete, attemptedAt, result.errors(), applyFailures);
    }

    /** The same content read again keeps the state object in force (and its time), unless its completeness changed. */
    private LoadResult.Valid keepIfSame(LoadResult.Valid valid) {
        boolean same = lastGoodOrNull != null && lastGoodOrNull.revision().equals(valid.revision())
                && lastGoodOrNull.state().complete() == valid.state().complete();
        return same ? lastGoodOrNull : valid;
    }

    /** The apply failures that stay with {@code inForce}: those of the revision already in force, none for a new one. */
    private List<String> applyFailuresOf(LoadResult.Valid inForce) {
        return lastGoodOrNull != null && lastGoodOrNull.revision().equals(inForce.revision()) ? applyFailures
                : List.of();
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
