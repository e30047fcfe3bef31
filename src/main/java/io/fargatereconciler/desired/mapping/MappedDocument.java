package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.DesiredDocument;
import io.fargatereconciler.desired.NamedValue;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one document declares: its key and where its name is written (for duplicate checks across files, even
 * when the rest of the document has errors), the values it names with their places (for team rules and the account
 * check), and the document itself when it had no errors.
 */
public record MappedDocument(ResourceKey key, SourceLocation nameAt, List<NamedValue> values,
                             DesiredDocument documentOrNull) {
    public MappedDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nameAt, "nameAt");
        values = List.copyOf(values);
    }

    public Optional<DesiredDocument> document() {
        return Optional.ofNullable(documentOrNull);
    }
}
