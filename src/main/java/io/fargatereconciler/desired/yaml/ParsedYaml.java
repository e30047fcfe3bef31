package io.fargatereconciler.desired.yaml;

import java.util.List;

/**
 * The documents of one YAML text, in order, and what was wrong with it. When reading stopped early (a syntax
 * error, an alias), the last problem says where; the documents before it are still here, so their own errors
 * are reported in the same run.
 */
public record ParsedYaml(List<YamlNode> documents, List<YamlProblem> problems) {
    public ParsedYaml {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}
