package io.fargatereconciler.desired;

import io.fargatereconciler.desired.mapping.MappedDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Names are unique per kind: each later document with a name already used is an error naming both places. */
final class DuplicateNames {
    private DuplicateNames() {
    }

    static List<ValidationError> within(List<MappedDocument> documents) {
        Map<ResourceKey, MappedDocument> first = new HashMap<>();
        List<ValidationError> errors = new ArrayList<>();
        for (MappedDocument document : documents) {
            MappedDocument earlier = first.putIfAbsent(document.key(), document);
            if (earlier != null) {
                SourceLocation at = document.nameAt();
                errors.add(new ValidationError(at.file(), at.line(), at.column(), "metadata.name", "duplicate "
                        + document.key().kind() + " name '" + document.key().name() + "': also defined at "
                        + earlier.nameAt() + "; names must be unique per kind across all files"));
            }
        }
        return errors;
    }
}
