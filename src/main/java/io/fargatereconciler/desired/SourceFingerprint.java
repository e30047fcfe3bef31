package io.fargatereconciler.desired;

import java.util.List;

/**
 * A summary of a source that reads no content (each document's name and version: path, size and modification
 * time in a folder, key and ETag in S3; and what could not be listed). Two equal fingerprints mean nothing changed.
 */
public record SourceFingerprint(List<String> entries) {
    public SourceFingerprint {
        entries = List.copyOf(entries);
    }
}
