package io.fargatereconciler.desired;

/** Where a document (or a node in it) was read from: a path relative to the desired-state root, 1-based. */
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
