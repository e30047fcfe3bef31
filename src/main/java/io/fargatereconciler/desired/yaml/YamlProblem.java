package io.fargatereconciler.desired.yaml;

/** Why a YAML text could not be read any further, and where (1-based). */
public record YamlProblem(int line, int column, String message) {
}
