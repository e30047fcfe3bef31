package io.fargatereconciler.desired;

import java.util.List;
import java.util.Objects;

/**
 * {@code kind: Team}, written by the platform team in a file at the top of the desired-state folder: the folders
 * whose documents are the team's, and what its TaskGroups and Jobs may use. {@code folders} are paths inside the desired-state source,
 * without a trailing {@code /}.
 */
public record Team(Metadata metadata, SourceLocation source, List<String> folders, TeamAllowance allowance)
        implements DesiredDocument {
    public Team {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(source, "source");
        folders = List.copyOf(folders);
        Objects.requireNonNull(allowance, "allowance");
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("a team has at least one folder");
        }
    }

    public String name() {
        return metadata.name();
    }

    /** Whether {@code relativePath} (a file's path inside the source, with '/') lies in one of the team's folders. */
    public boolean owns(String relativePath) {
        return folders.stream().anyMatch(folder -> relativePath.startsWith(folder + "/"));
    }

    @Override
    public Kind kind() {
        return Kind.Team;
    }
}
