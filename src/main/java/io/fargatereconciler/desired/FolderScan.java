package io.fargatereconciler.desired;

import java.util.List;

/** The desired-state files found in a folder, in path order, and what kept others from being read. */
record FolderScan(List<SourceFile> files, List<ValidationError> errors) {
    public FolderScan {
        files = List.copyOf(files);
        errors = List.copyOf(errors);
    }
}
