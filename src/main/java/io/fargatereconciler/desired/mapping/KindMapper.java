package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.DesiredDocument;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.NamedValue;
import io.fargatereconciler.desired.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code spec} of one kind: its own fields, the shared task fields, and nothing unknown. Adds the values
 * the spec names, with their places, to {@code named}.
 */
interface KindMapper {
    Optional<DesiredDocument> map(MappingReader spec, Metadata metadata, SourceLocation source, List<NamedValue> named);
}
