package io.fargatereconciler.desired;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of loading a desired-state source (a folder or an S3 prefix): all of it valid, valid for some teams
 * only (with Team documents), or nothing usable.
 */
public sealed interface LoadResult {
    /** How many desired-state files were read. */
    int files();

    /** Every error of the read, in reading order; empty when it was valid as a whole. */
    List<ValidationError> errors();

    /**
     * A state to put in force; {@code revision} is a digest of every file's path and content (with Team documents,
     * of the platform's files and each team's files in force).
     */
    record Valid(DesiredState state, String revision, int files) implements LoadResult {
        public Valid {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(revision, "revision");
        }

        @Override
        public List<ValidationError> errors() {
            return List.of();
        }
    }

    /**
     * With Team documents: some teams' files are refused ({@code errors}, never empty); {@code inForce} is the state
     * to put in force: the other teams' files as read, the refused teams at their last good state (if any).
     */
    record PartlyValid(Valid inForce, List<ValidationError> errors) implements LoadResult {
        public PartlyValid {
            Objects.requireNonNull(inForce, "inForce");
            errors = errors.stream().sorted(ValidationError.READING_ORDER).toList();
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a partly valid load has at least one error");
            }
        }

        @Override
        public int files() {
            return inForce.files();
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
