package io.fargatereconciler.desired;

import io.fargatereconciler.desired.mapping.MappedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One team's files in one read of the source, and every error that holds the team back: the files' own, a Team
 * document in the team's folder, names used twice, values outside its allowance, quotas, a folder with nothing in it,
 * and names another team uses ({@link TeamNameClaims}).
 */
final class TeamRead {
    final Team team;
    final List<ValidationError> errors = new ArrayList<>();
    private final List<FileRead> files = new ArrayList<>();
    private final List<MappedDocument> documents = new ArrayList<>();

    TeamRead(Team team) {
        this.team = team;
    }

    void add(FileRead file) {
        files.add(file);
        errors.addAll(file.errors());
        for (MappedDocument document : file.documents()) {
            if (document.key().kind() == Kind.Team) {
                SourceLocation at = document.nameAt();
                errors.add(new ValidationError(at.file(), at.line(), at.column(), "metadata.name", "Team documents"
                        + " belong to the platform and count only in files at the top of the desired-state folder (a"
                        + " team cannot widen its own allowance); this one is in the folder of team " + team.name()
                        + ": move it out"));
            } else {
                documents.add(document);
            }
        }
    }

    /** Checks the team's documents as a whole, once every file is added. */
    void check(String location) {
        errors.addAll(DuplicateNames.within(documents));
        errors.addAll(TeamRules.check(team, documents));
        if (documents.isEmpty() && errors.isEmpty()) {
            String base = location.endsWith("/") ? location : location + "/";
            errors.add(ValidationError.ofPath(base + team.folders().get(0), "holds no TaskGroup or Job of team "
                    + team.name() + " (folders " + String.join(", ", team.folders()) + "); an empty team is refused"
                    + " rather than read as 'run nothing' for it, so that a bad checkout or sync cannot stop its tasks."
                    + " To stop them, set their replicas to 0; to retire the team, remove its Team document"));
        }
    }

    /** The team's TaskGroup and Job documents as read, for name claims across teams. */
    List<MappedDocument> documents() {
        return List.copyOf(documents);
    }

    String revision() {
        return Revisions.ofFiles(files);
    }

    /** The team's resources as read; only meaningful when it has no errors. */
    List<DesiredResource> resources() {
        return documents.stream().flatMap(document -> document.document().stream())
                .map(DesiredResource.class::cast).toList();
    }

    Map<ResourceKey, DocumentSource> sources() {
        Map<ResourceKey, DocumentSource> sources = new TreeMap<>();
        for (FileRead file : files) {
            for (MappedDocument document : file.documents()) {
                if (document.key().kind() != Kind.Team) {
                    sources.put(document.key(), new DocumentSource(file.relativePath(), document.values()));
                }
            }
        }
        return sources;
    }
}
