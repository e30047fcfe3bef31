package io.fargatereconciler.desired;

import io.fargatereconciler.desired.mapping.DocumentMapper;
import io.fargatereconciler.desired.mapping.MappedDocument;
import io.fargatereconciler.desired.mapping.Problems;
import io.fargatereconciler.desired.yaml.ParsedYaml;
import io.fargatereconciler.desired.yaml.YamlComposer;
import io.fargatereconciler.desired.yaml.YamlNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Loads and validates a whole desired state (a folder, or one read of any {@link DesiredStateSource}): every file,
 * every document, and the rules across files (names unique per kind, at least one resource). Never throws for bad
 * input; see {@link LoadResult}.
 */
public final class DesiredStateLoader {
    private final LoadSettings settings;
    private final InstantSource clock;
    private final DocumentMapper mapper;

    public DesiredStateLoader(LoadSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        this.mapper = new DocumentMapper(settings.allowedClusters());
    }

    /** Loads a folder: what the {@code validate}, {@code policy} and {@code plan} commands read. */
    public LoadResult load(Path root) {
        return load(new FolderSource(root, settings).read());
    }

    /** Validates everything one read of a source found, as a whole: one bad document refuses the whole snapshot. */
    public LoadResult load(SourceSnapshot snapshot) {
        List<ValidationError> errors = new ArrayList<>(snapshot.errors());
        List<MappedDocument> documents = new ArrayList<>();
        MessageDigest revision = sha256();
        for (SourceDocument document : snapshot.documents()) {
            errors.addAll(read(document, documents, revision));
        }
        errors.addAll(duplicateNames(documents));
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
        List<DesiredResource> resources = documents.stream().map(document -> document.resource().orElseThrow()).toList();
        return new LoadResult.Valid(DesiredState.of(resources, clock.instant()),
                HexFormat.of().formatHex(revision.digest(), 0, 6), snapshot.files());
    }

    private List<ValidationError> read(SourceDocument file, List<MappedDocument> documents, MessageDigest revision) {
        try {
            SourceText source = SourceTextDecoder.decode(file);
            if (source instanceof SourceText.Refused refused) {
                return List.of(refused.error());
            }
            String text = ((SourceText.Readable) source).text();
            revision.update((file.relativePath() + '\0' + text + '\0').getBytes(StandardCharsets.UTF_8));
            ParsedYaml parsed = YamlComposer.compose(text);
            Problems problems = new Problems(file.displayPath());
            parsed.problems().forEach(problem -> problems.add(problem.line(), problem.column(), "", problem.message()));
            for (YamlNode document : parsed.documents()) {
                mapper.map(document, problems).ifPresent(documents::add);
            }
            return problems.list();
        } catch (RuntimeException e) {
            return List.of(ValidationError.ofPath(file.displayPath(), "could not be checked (" + e
                    + "); this is a bug in fargate-reconciler: please report it with this file"));
        }
    }

    private static List<ValidationError> duplicateNames(List<MappedDocument> documents) {
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
