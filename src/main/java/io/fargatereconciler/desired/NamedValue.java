package io.fargatereconciler.desired;

import java.util.Objects;

/**
 * A value a document names and where it is written: an AWS thing (cluster, task definition, subnet, security group,
 * topic, role) or a count ({@code replicas}). Team rules and the account check ({@code validate --against-aws}) point
 * their errors at it.
 *
 * @param what  what the value is
 * @param value the value as written
 * @param field its field path, e.g. {@code spec.network.subnets[1]}
 * @param at    where it is written
 */
public record NamedValue(What what, String value, String field, SourceLocation at) {
    public enum What { CLUSTER, TASK_DEFINITION, SUBNET, SECURITY_GROUP, TOPIC, ROLE, REPLICAS }

    public NamedValue {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(at, "at");
    }

    /** An error about this value, at its place: {@code file:line:column field: message}. */
    public ValidationError error(String message) {
        return new ValidationError(at.file(), at.line(), at.column(), field, message);
    }
}
