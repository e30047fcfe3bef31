package io.fargatereconciler.desired;

import io.fargatereconciler.desired.mapping.MappedDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Loads a source that holds Team documents. Team documents count only in files at the top of the source (the
 * platform's files, such as {@code teams.yaml}, protected by CODEOWNERS), never in a folder; every file in a team's
 * folder belongs to that team, and any other file is the platform's. Then:
 * <ul>
 * <li>an error in the platform's files (a broken Team document, two teams claiming one folder, a TaskGroup or Job
 * outside every team's folder) refuses the whole read: every team keeps what is in force;</li>
 * <li>an error in a team's files (a broken file, a value outside its allowance, a quota exceeded, a Team document in
 * its own folder, a name another team uses) holds back that team only: it keeps its last good state, the others'
 * files as read take force.</li>
 * </ul>
 */
final class TeamsLoad {
    private final SourceSnapshot snapshot;
    private final List<FileRead> files;
    private final DesiredState inForce;
    private final Instant now;

    TeamsLoad(SourceSnapshot snapshot, List<FileRead> files, DesiredState inForceOrNull, Instant now) {
        this.snapshot = snapshot;
        this.files = files;
        this.inForce = inForceOrNull;
        this.now = now;
    }

    LoadResult result() {
        Map<String, Team> teams = platformTeams();
        List<ValidationError> platform = new ArrayList<>();
        List<FileRead> platformFiles = new ArrayList<>();
        Map<String, TeamRead> reads = new LinkedHashMap<>();
        teams.values().forEach(team -> reads.put(team.name(), new TeamRead(team)));
        for (FileRead file : files) {
            Optional<TeamRead> owner = ownerOf(reads, file.relativePath());
            if (owner.isPresent()) {
                owner.get().add(file);
            } else {
                platformFiles.add(file);
            }
        }
        for (ValidationError error : snapshot.errors()) {
            Optional<TeamRead> owner = relativePath(error.file()).flatMap(path -> ownerOf(reads, path));
            owner.ifPresentOrElse(team -> team.errors.add(error), () -> platform.add(error));
        }
        platform.addAll(platformErrors(platformFiles, teams));
        reads.values().forEach(read -> read.check(snapshot.location()));
        List<ValidationError> teamErrors = reads.values().stream().flatMap(read -> read.errors.stream()).toList();
        if (!platform.isEmpty()) {
            List<ValidationError> all = new ArrayList<>(platform);
            all.addAll(teamErrors);
            return new LoadResult.Invalid(all, snapshot.files());
        }
        new TeamNameClaims(reads.values(), inForce, this::heldResources).settle();
        return build(teams, reads, platformFiles);
    }

    /**
     * Valid Team documents of the files at the top of the source (never in a folder, so never in a team's), by name
     * (the first of a duplicate name). Only these count, so no Team document in a folder can take another's files.
     */
    private Map<String, Team> platformTeams() {
        Map<String, Team> teams = new TreeMap<>();
        files.stream().filter(file -> atTop(file.relativePath())).flatMap(file -> file.documents().stream())
                .flatMap(document -> document.document().stream()).filter(Team.class::isInstance)
                .map(Team.class::cast).forEach(team -> teams.putIfAbsent(team.name(), team));
        return teams;
    }

    private static boolean atTop(String relativePath) {
        return !relativePath.contains("/");
    }

    /** Errors of the platform's files: their own, duplicate Team names, shared folders, resources outside teams. */
    private List<ValidationError> platformErrors(List<FileRead> platformFiles, Map<String, Team> teams) {
        List<ValidationError> errors = new ArrayList<>();
        List<MappedDocument> teamDocuments = new ArrayList<>();
        boolean brokenTeam = false;
        for (FileRead file : platformFiles) {
            errors.addAll(file.errors());
            for (MappedDocument document : file.documents()) {
                if (document.key().kind() == Kind.Team && atTop(file.relativePath())) {
                    teamDocuments.add(document);
                    brokenTeam |= document.document().isEmpty();
                } else if (document.key().kind() == Kind.Team) {
                    SourceLocation at = document.nameAt();
                    errors.add(new ValidationError(at.file(), at.line(), at.column(), "metadata.name", "Team"
                            + " documents count only in files at the top of the desired-state folder (such as"
                            + " teams.yaml), which teams cannot write; move it there"));
                }
            }
        }
        errors.addAll(DuplicateNames.within(teamDocuments));
        errors.addAll(sharedFolders(List.copyOf(teams.values())));
        if (brokenTeam) {
            return errors; // its folders are unknown: the resources in them are not "outside every team"
        }
        String folders = String.join(", ", teams.values().stream()
                .flatMap(team -> team.folders().stream().map(folder -> folder + "/ (" + team.name() + ")")).toList());
        for (FileRead file : platformFiles) {
            for (MappedDocument document : file.documents()) {
                if (document.key().kind() != Kind.Team) {
                    SourceLocation at = document.nameAt();
                    errors.add(new ValidationError(at.file(), at.line(), at.column(), "metadata.name", document.key()
                            + " is outside every team's folder; with Team documents every TaskGroup and Job belongs"
                            + " to a team: move it into a team's folder (" + folders + ")"));
                }
            }
        }
        return errors;
    }

    private static List<ValidationError> sharedFolders(List<Team> teams) {
        List<ValidationError> errors = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            for (int j = 0; j < i; j++) {
                Team team = teams.get(i);
                Team other = teams.get(j);
                for (String folder : team.folders()) {
                    for (String theirs : other.folders()) {
                        if (folder.equals(theirs) || folder.startsWith(theirs + "/") || theirs.startsWith(folder + "/")) {
                            SourceLocation at = team.source();
                            errors.add(new ValidationError(at.file(), at.line(), at.column(), "spec.folders",
                                    "folder " + folder + " of team " + team.name() + " overlaps folder " + theirs
                                            + " of team " + other.name() + " (" + other.source() + "); every file"
                                            + " belongs to one team: give each team folders of its own"));
                        }
                    }
                }
            }
        }
        return errors;
    }

    private LoadResult build(Map<String, Team> teams, Map<String, TeamRead> reads, List<FileRead> platformFiles) {
        Map<ResourceKey, DesiredResource> resources = new TreeMap<>();
        Map<ResourceKey, DocumentSource> sources = new TreeMap<>();
        Map<String, TeamVersion> versions = new TreeMap<>();
        List<String> revisionParts = new ArrayList<>(List.of("platform:" + Revisions.ofFiles(platformFiles)));
        for (FileRead file : platformFiles) {
            file.documents().forEach(document -> sources.put(document.key(),
                    new DocumentSource(file.relativePath(), document.values())));
        }
        List<ValidationError> errors = new ArrayList<>();
        boolean anyInForce = false;
        for (TeamRead read : reads.values()) {
            Optional<TeamVersion> before = inForce == null ? Optional.empty()
                    : Optional.ofNullable(inForce.teams().get(read.team.name()));
            TeamVersion version;
            if (read.errors.isEmpty()) {
                read.resources().forEach(resource -> resources.put(resource.key(), resource));
                sources.putAll(read.sources());
                Instant since = before.filter(b -> read.revision().equals(b.revision())).map(TeamVersion::since)
                        .orElse(now);
                version = new TeamVersion(read.team, read.revision(), since, keys(read.resources()), null, List.of());
            } else {
                List<DesiredResource> held = heldResources(read.team);
                held.forEach(resource -> resources.put(resource.key(), resource));
                held.stream().filter(resource -> inForce.sources().containsKey(resource.key())).forEach(
                        resource -> sources.put(resource.key(), inForce.sources().get(resource.key())));
                errors.addAll(read.errors);
                version = new TeamVersion(read.team, before.map(TeamVersion::revision).orElse(null),
                        before.map(TeamVersion::since).orElse(null), keys(held), read.revision(), read.errors);
            }
            anyInForce |= !version.resources().isEmpty();
            versions.put(read.team.name(), version);
            revisionParts.add(read.team.name() + ":" + version.revisionInForce().orElse("-"));
        }
        String revision = Revisions.ofParts(revisionParts);
        if (errors.isEmpty()) {
            return new LoadResult.Valid(new DesiredState(resources, now, versions, sources, true), revision,
                    snapshot.files());
        }
        if (!anyInForce) {
            return new LoadResult.Invalid(errors, snapshot.files());
        }
        return new LoadResult.PartlyValid(new LoadResult.Valid(new DesiredState(resources, now, versions, sources,
                false), revision, snapshot.files()), errors);
    }

    /** What is in force of a held-back team: its resources of the last good state, by team name or by its folders. */
    private List<DesiredResource> heldResources(Team team) {
        if (inForce == null) {
            return List.of();
        }
        TeamVersion before = inForce.teams().get(team.name());
        return inForce.resources().values().stream().filter(resource -> {
            DocumentSource source = inForce.sources().get(resource.key());
            return (before != null && before.resources().contains(resource.key()))
                    || (source != null && team.owns(source.relativePath()));
        }).toList();
    }

    private static Set<ResourceKey> keys(List<DesiredResource> resources) {
        return resources.stream().map(DesiredResource::key).collect(Collectors.toSet());
    }

    private static Optional<TeamRead> ownerOf(Map<String, TeamRead> reads, String relativePath) {
        return reads.values().stream().filter(read -> read.team.owns(relativePath)).findFirst();
    }

    /** The path inside the source of a file named as messages name it ({@code desired-state/team/api.yaml}). */
    private Optional<String> relativePath(String displayPath) {
        String location = snapshot.location();
        String base = location.endsWith("/") ? location : location + "/";
        return displayPath.startsWith(base) ? Optional.of(displayPath.substring(base.length())) : Optional.empty();
    }
}
