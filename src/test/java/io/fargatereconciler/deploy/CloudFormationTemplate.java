package io.fargatereconciler.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A CloudFormation template read as a YAML node tree, keeping the short-form tags ({@code !Ref}, {@code !GetAtt},
 * {@code !Sub}, {@code !If}), so a test can follow every reference the way CloudFormation would.
 */
public final class CloudFormationTemplate {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final MappingNode root;

    private CloudFormationTemplate(MappingNode root) {
        this.root = root;
    }

    public static CloudFormationTemplate read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new CloudFormationTemplate((MappingNode) new Yaml(new LoaderOptions()).compose(reader));
        }
    }

    public Map<String, Node> section(String name) {
        return child(root, name).map(CloudFormationTemplate::entries).orElse(Map.of());
    }

    /** Every reference in the template, as (kind, target, where) with kind Ref, GetAtt, Sub, Condition. */
    public List<Reference> references() {
        List<Reference> found = new ArrayList<>();
        collect(root, "", found);
        return found;
    }

    public static Map<String, Node> entries(Node node) {
        Map<String, Node> entries = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                entries.put(((ScalarNode) tuple.getKeyNode()).getValue(), tuple.getValueNode());
            }
        }
        return entries;
    }

    public static Optional<Node> child(Node node, String key) {
        return Optional.ofNullable(entries(node).get(key));
    }

    /** Follows a dotted path of mapping keys, e.g. {@code Properties.HealthCheckPath}. */
    public static Optional<Node> at(Node node, String dottedPath) {
        Optional<Node> current = Optional.of(node);
        for (String key : dottedPath.split("\\.")) {
            current = current.flatMap(n -> child(n, key));
        }
        return current;
    }

    public static Optional<String> scalarAt(Node node, String dottedPath) {
        return at(node, dottedPath).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
    }

    /** The scalar itself, or the first scalar of a sequence. */
    public static String firstScalar(Node node) {
        if (node instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
            return firstScalar(sequence.getValue().get(0));
        }
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static void collect(Node node, String where, List<Reference> found) {
        String tag = node.getTag().getValue();
        switch (tag) {
            case "!Ref" -> found.add(new Reference("Ref", ((ScalarNode) node).getValue(), where));
            case "!GetAtt" -> found.add(new Reference("GetAtt", ((ScalarNode) node).getValue().split("\\.")[0], where));
            case "!Condition" -> found.add(new Reference("Condition", ((ScalarNode) node).getValue(), where));
            case "!If" -> found.add(new Reference("Condition",
                    ((ScalarNode) ((SequenceNode) node).getValue().get(0)).getValue(), where));
            case "!Sub" -> {
                if (node instanceof ScalarNode scalar) {
                    Matcher variables = SUB_VARIABLE.matcher(scalar.getValue());
                    while (variables.find()) {
                        found.add(new Reference("Sub", variables.group(1).split("\\.")[0], where));
                    }
                }
            }
            default -> { }
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                if (key.equals("Condition") && tuple.getValueNode() instanceof ScalarNode condition) {
                    found.add(new Reference("Condition", condition.getValue(), where + "/" + key));
                }
                if (key.equals("DependsOn") && tuple.getValueNode() instanceof ScalarNode dependency) {
                    found.add(new Reference("DependsOn", dependency.getValue(), where + "/" + key));
                }
                collect(tuple.getValueNode(), where + "/" + key, found);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                collect(sequence.getValue().get(i), where + "[" + i + "]", found);
            }
        }
    }

    public record Reference(String kind, String target, String where) {
    }
}
