package io.fargatereconciler.desired.yaml;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A composed YAML node that remembers where it starts (1-based line and column). Unlike SnakeYAML's own node
 * graph it holds no aliases, so walking it can never expand a small file into a large tree.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {
    int line();

    int column();

    /** How a message names this node: {@code a mapping}, {@code a list} or the value itself. */
    String describe();

    /** A scalar as written; {@code plain} is false for quoted and block scalars. */
    record Scalar(String value, boolean plain, int line, int column) implements YamlNode {
        private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
        private static final int SHOWN = 60;

        /** An unquoted {@code null}, {@code ~} or nothing at all: the field counts as absent. */
        public boolean isNull() {
            return plain && NULLS.contains(value);
        }

        @Override
        public String describe() {
            if (isNull()) {
                return "null";
            }
            String shown = value.length() > SHOWN ? value.substring(0, SHOWN) + "..." : value;
            return plain ? shown : '"' + shown + '"';
        }
    }

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    record Mapping(List<Entry> entries, int line, int column) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(entry -> entry.key().value().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One {@code key: value} pair of a mapping; keys are always scalars. */
    record Entry(Scalar key, YamlNode value) {
    }
}
