package io.fargatereconciler.desired;

import java.util.Set;

/**
 * What a load enforces beyond the format: the largest file read, the most files one source may hold, and the
 * clusters resources may name (empty: any). The daemon takes them from {@code reconciler.desired-state.*}, the
 * validate command from its options.
 */
public record LoadSettings(int maxFileBytes, int maxFiles, Set<String> allowedClusters) {
    public static final int DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_FILES = 1000;
    public static final LoadSettings DEFAULT = new LoadSettings(DEFAULT_MAX_FILE_BYTES, Set.of());

    public LoadSettings {
        if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("the maximum file size (reconciler.desired-state.max-file-bytes) must be"
                    + " between 1 and " + (Integer.MAX_VALUE - 1) + " bytes, not " + maxFileBytes);
        }
        if (maxFiles < 1 || maxFiles > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("the maximum number of files (reconciler.desired-state.max-files) must"
                    + " be between 1 and " + (Integer.MAX_VALUE - 1) + ", not " + maxFiles);
        }
        allowedClusters = Set.copyOf(allowedClusters);
    }

    /** The default limit on the number of files. */
    public LoadSettings(int maxFileBytes, Set<String> allowedClusters) {
        this(maxFileBytes, DEFAULT_MAX_FILES, allowedClusters);
    }
}
