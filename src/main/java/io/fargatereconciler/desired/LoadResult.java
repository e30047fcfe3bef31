package io.fargatereconciler.desired;

import java.util.List;
import java.util.Objects;

/** The outcome of loading a desired-state source (a folder or an S3 prefix): a complete valid state, or every error found. */
public sealed interface LoadResult {
    /** How many desired-state files were read. */
    int files();

    /** A valid state; {@code revision} is a digest of every file's path and content. */
    record Valid(DesiredState state, String revision, int files) implements LoadResult {
        public Valid {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(revision, "revision");
        }
    }

    /** Nothing was loaded; {@code errors} (never empty) are in reading order. */
    record Invalid(List<ValidationError> errors, int files) implements LoadResult {
        public Invalid {
            errors = errors.stream().sorted(ValidationError.READING_ORDER).toList();
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid load has at least one error");
            }
        }
    }
}
