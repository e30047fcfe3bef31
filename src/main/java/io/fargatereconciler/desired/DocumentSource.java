package io.fargatereconciler.desired;

import java.util.List;
import java.util.Objects;

/**
 * Where one document of a desired state came from: its file's path inside the source (which says whose team it is)
 * and the values it names, each with its place (for team rules and the account check).
 */
public record DocumentSource(String relativePath, List<NamedValue> named) {
    public DocumentSource {
        Objects.requireNonNull(relativePath, "relativePath");
        named = List.copyOf(named);
    }
}
