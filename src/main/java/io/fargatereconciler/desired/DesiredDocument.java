package io.fargatereconciler.desired;

/** One validated document: a resource to keep running ({@link DesiredResource}) or a platform-owned {@link Team}. */
public sealed interface DesiredDocument permits DesiredResource, Team {
    Metadata metadata();

    /** Where the document starts, for messages. */
    SourceLocation source();

    Kind kind();

    default ResourceKey key() {
        return new ResourceKey(kind(), metadata().name());
    }
}
