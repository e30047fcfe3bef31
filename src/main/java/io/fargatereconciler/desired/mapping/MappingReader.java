package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.NamedValue;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.yaml.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of one YAML mapping as typed values. A wrong type is reported once, at the value, under its
 * field path, and the read comes back empty. Every key asked for is remembered, so that
 * {@link #rejectUnknownFields()} can report the keys nobody asked for (typos) with the nearest known one.
 */
final class MappingReader {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9]{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]{1,10}(\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final YamlNode.Mapping mapping;
    private final String path;
    private final YamlNode anchor;
    private final Problems problems;
    private final Set<String> asked = new LinkedHashSet<>();

    private MappingReader(YamlNode.Mapping mapping, String path, YamlNode anchor, Problems problems) {
        this.mapping = mapping;
        this.path = path;
        this.anchor = anchor;
        this.problems = problems;
    }

    /** Reads a document's top level; reports and returns empty when it is not a mapping. */
    static Optional<MappingReader> root(YamlNode document, Problems problems) {
        if (document instanceof YamlNode.Mapping top) {
            return Optional.of(new MappingReader(top, "", top, problems));
        }
        problems.add(document, "", "a desired-state document must be a mapping with apiVersion, kind, metadata and"
                + " spec, not " + document.describe());
        return Optional.empty();
    }

    Problems problems() {
        return problems;
    }

    String path(String key) {
        return child(path, key);
    }

    /** The value of {@code key}; empty when absent or null. */
    Optional<YamlNode> value(String key) {
        asked.add(key);
        return mapping.entry(key).map(YamlNode.Entry::value)
                .filter(value -> !(value instanceof YamlNode.Scalar scalar && scalar.isNull()));
    }

    /** Where an error about {@code key} points: its value, or the mapping when the key is absent. */
    YamlNode at(String key) {
        return mapping.entry(key).<YamlNode>map(YamlNode.Entry::value).orElse(anchor);
    }

    /** Where {@code node} is written, in this reader's file. */
    SourceLocation where(YamlNode node) {
        return new SourceLocation(problems.file(), node.line(), node.column());
    }

    /** {@code value}, read from {@code key} of this mapping, as a named value at its place. */
    NamedValue named(NamedValue.What what, String key, String value) {
        return new NamedValue(what, value, path(key), where(at(key)));
    }

    /** {@code value}, read from a list item, as a named value at its place. */
    NamedValue named(NamedValue.What what, Item item, String value) {
        return new NamedValue(what, value, item.path(), where(item.node()));
    }

    void error(String key, String message) {
        problems.add(at(key), path(key), message);
    }

    Optional<YamlNode> required(String key) {
        Optional<YamlNode> value = value(key);
        if (value.isEmpty()) {
            problems.add(anchor, path(key), "is required");
        }
        return value;
    }

    Optional<String> text(String key) {
        return value(key).flatMap(node -> text(node, path(key)));
    }

    Optional<String> requiredText(String key) {
        return required(key).flatMap(node -> text(node, path(key)));
    }

    Optional<Integer> integer(String key) {
        return value(key).flatMap(node -> {
            if (node instanceof YamlNode.Scalar scalar && scalar.plain()
                    && WHOLE_NUMBER.matcher(scalar.value()).matches()) {
                long number = Long.parseLong(scalar.value());
                if (number == (int) number) {
                    return Optional.of((int) number);
                }
            }
            problems.add(node, path(key), "must be a whole number, not " + node.describe());
            return Optional.empty();
        });
    }

    Optional<Double> number(String key) {
        return value(key).flatMap(node -> {
            if (node instanceof YamlNode.Scalar scalar && scalar.plain() && DECIMAL.matcher(scalar.value()).matches()) {
                return Optional.of(Double.parseDouble(scalar.value()));
            }
            problems.add(node, path(key), "must be a number, not " + node.describe());
            return Optional.empty();
        });
    }

    Optional<Boolean> bool(String key) {
        return value(key).flatMap(node -> {
            if (node instanceof YamlNode.Scalar scalar && scalar.plain()) {
                switch (scalar.value()) {
                    case "true", "True", "TRUE" -> {
                        return Optional.of(true);
                    }
                    case "false", "False", "FALSE" -> {
                        return Optional.of(false);
                    }
                    default -> { }
                }
            }
            problems.add(node, path(key), "must be true or false, not " + node.describe());
            return Optional.empty();
        });
    }

    Optional<Duration> duration(String key) {
        return text(key).flatMap(text -> {
            Optional<Duration> duration = DurationText.parse(text);
            if (duration.isEmpty()) {
                error(key, "must be a duration such as 10s, 5m or 1h30m (units ms, s, m, h), not " + at(key).describe());
            }
            return duration;
        });
    }

    <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        return value(key).flatMap(node -> choice(node, path(key), type));
    }

    <E extends Enum<E>> Optional<E> requiredChoice(String key, Class<E> type) {
        return required(key).flatMap(node -> choice(node, path(key), type));
    }

    Optional<MappingReader> mapping(String key) {
        return value(key).flatMap(node -> nested(node, path(key), mapping.entry(key).orElseThrow().key()));
    }

    Optional<MappingReader> requiredMapping(String key) {
        return required(key).flatMap(node -> nested(node, path(key), mapping.entry(key).orElseThrow().key()));
    }

    static boolean isEmptyList(YamlNode node) {
        return node instanceof YamlNode.Sequence sequence && sequence.items().isEmpty();
    }

    /** The items of a list, each with its field path ({@code spec.network.subnets[0]}). */
    Optional<List<Item>> list(String key) {
        return value(key).flatMap(node -> {
            if (node instanceof YamlNode.Sequence sequence) {
                List<Item> items = new ArrayList<>();
                for (int i = 0; i < sequence.items().size(); i++) {
                    items.add(new Item(sequence.items().get(i), path(key) + "[" + i + "]"));
                }
                return Optional.of(items);
            }
            problems.add(node, path(key), "must be a list, not " + node.describe());
            return Optional.empty();
        });
    }

    /** A list of text values; each value that is not text is reported. */
    Optional<List<String>> texts(String key) {
        return list(key).map(items -> items.stream()
                .flatMap(item -> text(item.node(), item.path()).stream())
                .toList());
    }

    /** Each item of a list of mappings, read as its own mapping. */
    Optional<List<MappingReader>> mappings(String key) {
        return list(key).map(items -> items.stream()
                .flatMap(item -> nested(item.node(), item.path(), item.node()).stream())
                .toList());
    }

    /** A mapping of text keys to text values (tags, labels, environment); numbers and booleans count as text. */
    Optional<Map<String, String>> textMap(String key) {
        return mapping(key).map(MappingReader::textValues);
    }

    /** Every entry of this mapping as text, in file order; for free-form mappings, so no key is unknown. */
    Map<String, String> textValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            String key = entry.key().value();
            asked.add(key);
            text(entry.value(), path(key)).ifPresent(value -> values.put(key, value));
        }
        return values;
    }

    /** The key nodes of this mapping, for rules about keys themselves (tag keys, environment names). */
    List<YamlNode.Entry> entries() {
        return mapping.entries();
    }

    /** Reports {@code problem} at {@code key} when there is one; true when there is none. */
    boolean accept(String key, Optional<String> problem) {
        problem.ifPresent(message -> error(key, message));
        return problem.isEmpty();
    }

    /** A list item as text, reported when it is not. */
    Optional<String> text(Item item) {
        return text(item.node(), item.path());
    }

    /** A list item as one of {@code type}'s constants, reported when it is not. */
    <E extends Enum<E>> Optional<E> choice(Item item, Class<E> type) {
        return choice(item.node(), item.path(), type);
    }

    /** Reports every key no one asked for: a typo must never be silently ignored. */
    void rejectUnknownFields() {
        for (YamlNode.Entry entry : mapping.entries()) {
            String key = entry.key().value();
            if (!asked.contains(key)) {
                String hint = Suggestion.nearest(key, asked).map(known -> "; did you mean '" + known + "'?")
                        .orElse(" (known here: " + String.join(", ", asked) + ")");
                problems.add(entry.key(), path(key), "unknown field" + hint);
            }
        }
    }

    private Optional<String> text(YamlNode node, String field) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            return Optional.of(scalar.value());
        }
        problems.add(node, field, "must be a text value, not " + node.describe());
        return Optional.empty();
    }

    private <E extends Enum<E>> Optional<E> choice(YamlNode node, String field, Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (node instanceof YamlNode.Scalar scalar) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(scalar.value())) {
                    return Optional.of(constant);
                }
            }
        }
        String typed = node instanceof YamlNode.Scalar scalar ? scalar.value() : "";
        problems.add(node, field, "must be one of " + String.join(", ", names) + ", not " + node.describe()
                + Suggestion.didYouMean(typed, names));
        return Optional.empty();
    }

    private Optional<MappingReader> nested(YamlNode node, String field, YamlNode introducedBy) {
        if (node instanceof YamlNode.Mapping nested) {
            return Optional.of(new MappingReader(nested, field, introducedBy, problems));
        }
        problems.add(node, field, "must be a mapping (key: value lines), not " + node.describe());
        return Optional.empty();
    }

    private static String child(String parent, String key) {
        String part = SIMPLE_KEY.matcher(key).matches() ? key : "\"" + key + "\"";
        if (parent.isEmpty()) {
            return part;
        }
        return SIMPLE_KEY.matcher(key).matches() ? parent + "." + part : parent + "[" + part + "]";
    }

    /** One list item and its field path. */
    record Item(YamlNode node, String path) {
    }
}
