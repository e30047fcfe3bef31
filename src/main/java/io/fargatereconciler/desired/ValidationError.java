package io.fargatereconciler.desired;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with the desired state, printed as {@code file:line:column field.path: message}, e.g.
 * {@code desired-state/team-a/api.yaml:12:7 spec.network.subnets: must list at least one subnet}.
 * {@code file} is the path as the user would open it (the desired-state root as given, joined with the file's
 * path inside it); line and column are 1-based, and both 0 when the error concerns a whole file or folder.
 * {@code field} is empty when the error concerns the file as a whole.
 */
public record ValidationError(String file, int line, int column, String field, String message) {
    /** Sorts errors the way a person reads them: by file, then position. */
    public static final Comparator<ValidationError> READING_ORDER = Comparator.comparing(ValidationError::file)
            .thenComparingInt(ValidationError::line)
            .thenComparingInt(ValidationError::column);

    public ValidationError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        field = field == null ? "" : field;
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative");
        }
    }

    /** An error about a whole file or folder (missing, empty, unreadable, too large), with no position. */
    public static ValidationError ofPath(String path, String message) {
        return new ValidationError(path, 0, 0, "", message);
    }

    @Override
    public String toString() {
        String where = line == 0 ? file : file + ":" + line + ":" + column;
        return field.isEmpty() ? where + ": " + message : where + " " + field + ": " + message;
    }
}
