package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * What one document declares: its key and where its name is written (for duplicate checks across files, even
 * when the rest of the document has errors), and the resource itself when the document had none.
 */
public record MappedDocument(ResourceKey key, SourceLocation nameAt, DesiredResource resourceOrNull) {
    public MappedDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nameAt, "nameAt");
    }

    public Optional<DesiredResource> resource() {
        return Optional.ofNullable(resourceOrNull);
    }
}
