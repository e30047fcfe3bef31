package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.AllowedClusters;
import io.fargatereconciler.desired.DesiredDocument;
import io.fargatereconciler.desired.Kind;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.NamedValue;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one YAML document into a desired resource, reporting every error it finds (see
 * {@code docs/desired-state.md} for the format). Empty documents ({@code ---} with nothing after it) are skipped.
 */
public final class DocumentMapper {
    public static final String API_VERSION = "fargate-reconciler.io/v1alpha1";
    /** Names appear in tags, client tokens and metric labels: a DNS label, as Kubernetes names are. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final Map<Kind, KindMapper> kinds;

    public DocumentMapper(AllowedClusters allowedClusters) {
        TaskSpecMapper tasks = new TaskSpecMapper(allowedClusters);
        this.kinds = Map.of(Kind.TaskGroup, new TaskGroupMapper(tasks), Kind.Job, new JobMapper(tasks),
                Kind.Team, new TeamMapper());
    }

    public Optional<MappedDocument> map(YamlNode document, Problems problems) {
        if (document instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return Optional.empty();
        }
        return MappingReader.root(document, problems).flatMap(root -> map(root, document, problems));
    }

    private Optional<MappedDocument> map(MappingReader root, YamlNode document, Problems problems) {
        int mark = problems.mark();
        root.requiredText("apiVersion").filter(version -> !API_VERSION.equals(version)).ifPresent(version ->
                root.error("apiVersion", "must be " + API_VERSION + ", not " + root.at("apiVersion").describe()));
        Optional<Kind> kind = root.requiredChoice("kind", Kind.class);
        Optional<MappingReader> metadataReader = root.requiredMapping("metadata");
        Optional<Metadata> metadata = metadataReader.flatMap(DocumentMapper::metadata);
        Optional<MappingReader> spec = root.requiredMapping("spec");
        root.rejectUnknownFields();
        if (kind.isEmpty() || metadata.isEmpty()) {
            return Optional.empty();
        }
        SourceLocation source = new SourceLocation(problems.file(), document.line(), document.column());
        YamlNode nameNode = metadataReader.orElseThrow().at("name");
        SourceLocation nameAt = new SourceLocation(problems.file(), nameNode.line(), nameNode.column());
        List<NamedValue> named = new ArrayList<>();
        Optional<DesiredDocument> mapped = spec.flatMap(
                reader -> kinds.get(kind.get()).map(reader, metadata.get(), source, named));
        return Optional.of(new MappedDocument(new ResourceKey(kind.get(), metadata.get().name()), nameAt, named,
                problems.noneSince(mark) ? mapped.orElse(null) : null));
    }

    private static Optional<Metadata> metadata(MappingReader metadata) {
        Optional<String> name = metadata.requiredText("name").filter(value -> metadata.accept("name",
                NAME.matcher(value).matches() ? Optional.empty() : Optional.of("must be 1 to 63 lower-case letters,"
                        + " digits and '-', starting and ending with a letter or digit, not "
                        + metadata.at("name").describe())));
        Map<String, String> labels = metadata.textMap("labels").orElse(Map.of());
        metadata.rejectUnknownFields();
        return name.map(value -> new Metadata(value, labels));
    }
}
