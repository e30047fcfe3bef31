package io.fargatereconciler.desired;

/**
 * Where a document (or a node in it) was read from, 1-based: {@code file} is the path as a user would open it,
 * the desired-state folder as configured or passed to {@code validate}, joined with the file's path inside it.
 */
public record SourceLocation(String file, int line, int column) {
    public SourceLocation {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("file must not be blank");
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
