package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.yaml.YamlNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code spec.tags}: the task's own tags, within ECS's limits and clear of the reserved prefixes. */
final class TagsMapper {
    /** ECS allows 50 tags on a task; the reconciler adds up to 4 of its own (group, spec hash, a Job's run and attempt). */
    static final int MAX_TAGS = 46;
    static final String RESERVED_PREFIX = "fargate-reconciler/";
    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 256;

    private TagsMapper() {
    }

    static Optional<Map<String, String>> map(MappingReader tags) {
        int mark = tags.problems().mark();
        Map<String, String> values = tags.textValues();
        if (values.size() > MAX_TAGS) {
            tags.problems().add(tags.entries().get(MAX_TAGS).key(), tags.path(tags.entries().get(MAX_TAGS).key().value()),
                    "too many tags: " + values.size() + " given, at most " + MAX_TAGS
                            + " (ECS allows 50 and the reconciler adds its own)");
        }
        for (YamlNode.Entry entry : tags.entries()) {
            String key = entry.key().value();
            String problem = keyProblem(key);
            if (problem != null) {
                tags.problems().add(entry.key(), tags.path(key), problem);
            } else if (values.getOrDefault(key, "").length() > MAX_VALUE_LENGTH) {
                tags.problems().add(entry.value(), tags.path(key), "tag value is longer than " + MAX_VALUE_LENGTH
                        + " characters");
            }
        }
        return tags.problems().noneSince(mark) ? Optional.of(values) : Optional.empty();
    }

    private static String keyProblem(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return "tag key must be 1 to " + MAX_KEY_LENGTH + " characters";
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            return "tag keys starting with aws: are reserved by AWS";
        }
        if (key.startsWith(RESERVED_PREFIX)) {
            return "tag keys starting with " + RESERVED_PREFIX + " are set by the reconciler itself";
        }
        return null;
    }
}
