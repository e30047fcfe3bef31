package io.fargatereconciler.desired;

/** One validated desired-state document. */
public sealed interface DesiredResource permits TaskGroup, Job {
    Metadata metadata();

    /** Where the document starts, for messages. */
    SourceLocation source();

    TaskSpec task();

    Kind kind();

    default ResourceKey key() {
        return new ResourceKey(kind(), metadata().name());
    }
}
