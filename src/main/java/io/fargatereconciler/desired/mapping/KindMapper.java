package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.SourceLocation;
import java.util.Optional;

/** Reads the {@code spec} of one kind: its own fields, the shared task fields, and nothing unknown. */
interface KindMapper {
    Optional<DesiredResource> map(MappingReader spec, Metadata metadata, SourceLocation source);
}
