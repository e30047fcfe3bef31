package io.fargatereconciler.desired;

import java.util.Objects;

/**
 * One desired-state file or object as read: its path inside the source (for the revision, so the same files give
 * the same revision from a folder or from S3), how messages name it ({@code desired-state/team/api.yaml},
 * {@code s3://bucket/prefix/team/api.yaml}) and its bytes, not yet decoded.
 */
public record SourceDocument(String relativePath, String displayPath, byte[] bytes) {
    public SourceDocument {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(displayPath, "displayPath");
        Objects.requireNonNull(bytes, "bytes");
    }
}
