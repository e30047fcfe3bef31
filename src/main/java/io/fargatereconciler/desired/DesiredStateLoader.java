package io.fargatereconciler.desired;

import io.fargatereconciler.desired.mapping.DocumentMapper;
import io.fargatereconciler.desired.mapping.MappedDocument;
import io.fargatereconciler.desired.mapping.Problems;
import io.fargatereconciler.desired.yaml.ParsedYaml;
import io.fargatereconciler.desired.yaml.YamlComposer;
import io.fargatereconciler.desired.yaml.YamlNode;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads and validates a whole desired state (a folder, or one read of any {@link DesiredStateSource}): every file,
 * every document, and the rules across files (names unique per kind, at least one resource). Without Team documents
 * the source is taken or refused as a whole; with them each team's files are (see {@link TeamsLoad}). Never throws
 * for bad input; see {@link LoadResult}.
 */
public final class DesiredStateLoader {
    private final LoadSettings settings;
    private final InstantSource clock;
    private final DocumentMapper mapper;

    public DesiredStateLoader(LoadSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        this.mapper = new DocumentMapper(new AllowedClusters(settings.allowedClusters()));
    }

    /** Loads a folder: what the {@code validate}, {@code policy} and {@code plan} commands read. */
    public LoadResult load(Path root) {
        return load(new FolderSource(root, settings).read());
    }

    /** Validates everything one read of a source found, with nothing in force before it. */
    public LoadResult load(SourceSnapshot snapshot) {
        return load(snapshot, null);
    }

    /**
     * Validates everything one read of a source found. Without Team documents one bad document refuses the whole
     * snapshot; with them a refused team keeps what {@code inForce} (null: nothing) holds of it.
     */
    public LoadResult load(SourceSnapshot snapshot, DesiredState inForce) {
        List<FileRead> files = snapshot.documents().stream().map(this::read).toList();
        boolean teams = files.stream().flatMap(file -> file.documents().stream())
                .anyMatch(document -> document.key().kind() == Kind.Team);
        if (teams) {
            return new TeamsLoad(snapshot, files, inForce, clock.instant()).result();
        }
        return whole(snapshot, files);
    }

    private LoadResult whole(SourceSnapshot snapshot, List<FileRead> files) {
        List<ValidationError> errors = new ArrayList<>(snapshot.errors());
        List<MappedDocument> documents = new ArrayList<>();
        Map<ResourceKey, DocumentSource> sources = new TreeMap<>();
        for (FileRead file : files) {
            errors.addAll(file.errors());
            documents.addAll(file.documents());
            file.documents().forEach(document -> sources.put(document.key(),
                    new DocumentSource(file.relativePath(), document.values())));
        }
        errors.addAll(DuplicateNames.within(documents));
        if (errors.isEmpty() && documents.isEmpty()) {
            errors.add(ValidationError.ofPath(snapshot.location(), (snapshot.files() == 0
                    ? "holds no desired-state files (*.yaml, *.yml)" : "holds no desired-state documents")
                    + "; an empty " + (S3Location.isS3(snapshot.location()) ? "prefix" : "folder") + " is refused"
                    + " rather than read as 'run nothing', so that a bad mount, checkout or sync cannot stop every"
                    + " task. To stop tasks, set their replicas to 0"));
        }
        if (!errors.isEmpty()) {
            return new LoadResult.Invalid(errors, snapshot.files());
        }
        List<DesiredResource> resources = documents.stream()
                .map(document -> (DesiredResource) document.document().orElseThrow()).toList();
        return new LoadResult.Valid(new DesiredState(DesiredState.byKey(resources), clock.instant(), Map.of(),
                sources, true), Revisions.ofFiles(files), snapshot.files());
    }

    private FileRead read(SourceDocument file) {
        try {
            SourceText source = SourceTextDecoder.decode(file);
            if (source instanceof SourceText.Refused refused) {
                return new FileRead(file.relativePath(), file.displayPath(), null, List.of(refused.error()), List.of());
            }
            String text = ((SourceText.Readable) source).text();
            ParsedYaml parsed = YamlComposer.compose(text);
            Problems problems = new Problems(file.displayPath());
            parsed.problems().forEach(problem -> problems.add(problem.line(), problem.column(), "", problem.message()));
            List<MappedDocument> documents = new ArrayList<>();
            for (YamlNode document : parsed.documents()) {
                mapper.map(document, problems).ifPresent(documents::add);
            }
            return new FileRead(file.relativePath(), file.displayPath(), text, problems.list(), documents);
        } catch (RuntimeException e) {
            return new FileRead(file.relativePath(), file.displayPath(), null, List.of(ValidationError.ofPath(
                    file.displayPath(), "could not be checked (" + e + "); this is a bug in fargate-reconciler:"
                            + " please report it with this file")), List.of());
        }
    }
}
