package io.fargatereconciler.desired;

/**
 * Where the desired-state documents come from: a folder ({@link FolderSource}) or an S3 prefix
 * ({@link BucketSource}). A source only finds and reads documents, within the limits of {@link LoadSettings};
 * {@link DesiredStateLoader} validates a whole {@link SourceSnapshot}, {@link DesiredStateStore} keeps the last good
 * one and {@link DesiredStateWatch} decides when to read. Used from one thread at a time.
 */
public interface DesiredStateSource {
    /** How logs, status and errors name the source: the folder as configured, or {@code s3://bucket/prefix}. */
    String location();

    /** A cheap summary that changes whenever a document is added, removed or edited (or the source cannot be read). */
    SourceFingerprint fingerprint();

    /** Reads every document now. Never throws for bad or unreachable input: problems are errors in the snapshot. */
    SourceSnapshot read();
}
