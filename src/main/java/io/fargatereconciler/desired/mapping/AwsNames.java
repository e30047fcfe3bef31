package io.fargatereconciler.desired.mapping;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shapes of the AWS names and ARNs a spec may hold. Each check returns what is wrong, phrased for the
 * person who wrote it, or empty when the value is well formed. Whether the thing exists is ECS's to say.
 */
final class AwsNames {
    private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern TASK_DEFINITION = Pattern.compile("[A-Za-z0-9_-]{1,255}(:[1-9][0-9]{0,9})?");
    private static final Pattern TASK_DEFINITION_WITH_REVISION = Pattern.compile("[A-Za-z0-9_-]{1,255}:[1-9][0-9]{0,9}");
    private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern ROLE_PATH_AND_NAME = Pattern.compile("([\\x21-\\x7e]{1,510}/)?[A-Za-z0-9+=,.@_-]{1,64}");
    private static final Pattern NO_REGION = Pattern.compile("");
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}(\\.fifo)?");
    private static final Pattern SUBNET = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");

    static final String CLUSTER_ARN_EXAMPLE = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod";
    static final String TASK_DEFINITION_ARN_EXAMPLE = "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:42";
    static final String TOPIC_ARN_EXAMPLE = "arn:aws:sns:eu-west-1:123456789012:alerts";
    static final String ROLE_ARN_EXAMPLE = "arn:aws:iam::123456789012:role/api-task";

    private AwsNames() {
    }

    static Optional<String> clusterProblem(String value) {
        if (isArn(value)) {
            return arnProblem(value, "ecs", "cluster/", CLUSTER_NAME, CLUSTER_ARN_EXAMPLE);
        }
        return CLUSTER_NAME.matcher(value).matches() ? Optional.empty() : Optional.of(
                "must be a cluster name (letters, digits, - and _, up to 255) or a cluster ARN such as "
                        + CLUSTER_ARN_EXAMPLE + ", not \"" + value + "\"");
    }

    static Optional<String> taskDefinitionProblem(String value) {
        if (isArn(value)) {
            return arnProblem(value, "ecs", "task-definition/", TASK_DEFINITION_WITH_REVISION,
                    TASK_DEFINITION_ARN_EXAMPLE);
        }
        return TASK_DEFINITION.matcher(value).matches() ? Optional.empty() : Optional.of(
                "must be a task definition family (api), family:revision (api:42) or an ARN such as "
                        + TASK_DEFINITION_ARN_EXAMPLE + ", not \"" + value + "\"");
    }

    static Optional<String> topicArnProblem(String value) {
        return arnProblem(value, "sns", "", TOPIC_NAME, TOPIC_ARN_EXAMPLE);
    }

    static Optional<String> familyProblem(String value) {
        return FAMILY.matcher(value).matches() ? Optional.empty() : Optional.of(
                "must be a task definition family (letters, digits, - and _, up to 255; no revision), not \""
                        + value + "\"");
    }

    /** An IAM role ARN: {@code arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME}; IAM ARNs have no region. */
    static Optional<String> roleArnProblem(String value) {
        return arnProblem(value, "iam", NO_REGION, "role/", ROLE_PATH_AND_NAME, ROLE_ARN_EXAMPLE);
    }

    static Optional<String> subnetProblem(String value) {
        return SUBNET.matcher(value).matches() ? Optional.empty() : Optional.of(
                "must be a subnet id: subnet- and 8 or 17 hex digits, such as subnet-0123456789abcdef0, not \""
                        + value + "\"");
    }

    static Optional<String> securityGroupProblem(String value) {
        return SECURITY_GROUP.matcher(value).matches() ? Optional.empty() : Optional.of(
                "must be a security group id: sg- and 8 or 17 hex digits, such as sg-0123456789abcdef0, not \""
                        + value + "\"");
    }

    static boolean isArn(String value) {
        return value.startsWith("arn:");
    }

    private static Optional<String> arnProblem(String value, String service, String resourcePrefix,
                                               Pattern resourceName, String example) {
        return arnProblem(value, service, REGION, resourcePrefix, resourceName, example);
    }

    /** {@code region}: the region part's shape ({@link #NO_REGION} for IAM, whose ARNs have none). */
    private static Optional<String> arnProblem(String value, String service, Pattern region, String resourcePrefix,
                                               Pattern resourceName, String example) {
        String[] parts = value.split(":", 6);
        String wrong;
        if (parts.length < 6 || !parts[0].equals("arn")) {
            wrong = "an ARN has six parts separated by ':'";
        } else if (!PARTITION.matcher(parts[1]).matches()) {
            wrong = "partition \"" + parts[1] + "\" is not aws, aws-cn or aws-us-gov";
        } else if (!parts[2].equals(service)) {
            wrong = "service is \"" + parts[2] + "\", expected " + service;
        } else if (!region.matcher(parts[3]).matches()) {
            wrong = region == NO_REGION ? service.toUpperCase() + " ARNs have no region, not \"" + parts[3] + "\""
                    : "region \"" + parts[3] + "\" is not a region such as eu-west-1";
        } else if (!ACCOUNT.matcher(parts[4]).matches()) {
            wrong = "account id \"" + parts[4] + "\" is not 12 digits";
        } else if (!parts[5].startsWith(resourcePrefix)
                || !resourceName.matcher(parts[5].substring(resourcePrefix.length())).matches()) {
            wrong = "resource \"" + parts[5] + "\" is not " + resourcePrefix + "<name>"
                    + (resourcePrefix.equals("task-definition/") ? ":<revision>" : "");
        } else {
            return Optional.empty();
        }
        return Optional.of("malformed ARN (" + wrong + "); expected the shape of " + example);
    }
}
