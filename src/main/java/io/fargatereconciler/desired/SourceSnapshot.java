package io.fargatereconciler.desired;

import java.util.List;

/**
 * Everything one read of a source found: the documents read, in path order, what kept the source or a document from
 * being read (missing folder, unreachable bucket, a file over the size limit), how many desired-state files were
 * found, and the fingerprint of what was read, so the watch can tell later changes apart.
 */
public record SourceSnapshot(String location, SourceFingerprint fingerprint, List<SourceDocument> documents,
                             List<ValidationError> errors, int files) {
    public SourceSnapshot {
        documents = List.copyOf(documents);
        errors = List.copyOf(errors);
        if (files < documents.size()) {
            throw new IllegalArgumentException("files found (" + files + ") cannot be fewer than documents read ("
                    + documents.size() + ")");
        }
    }
}
