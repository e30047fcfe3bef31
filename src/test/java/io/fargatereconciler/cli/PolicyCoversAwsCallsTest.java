package io.fargatereconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.DesiredStateLoader;
import io.fargatereconciler.desired.LoadResult;
import io.fargatereconciler.desired.LoadSettings;
import io.fargatereconciler.desired.S3Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The policy with every feature on allows exactly the AWS operations the production code calls: scans the
 * {@code aws} package for calls on SDK clients ({@code ecs.runTask(}, {@code sqs.deleteMessageBatch(}...) and maps
 * each to its IAM action, so a new SDK call without a policy statement (or a statement nothing uses) fails here.
 */
class PolicyCoversAwsCallsTest {
    private static final Path AWS_SOURCES = Path.of("src/main/java/io/fargatereconciler/aws");
    private static final Map<String, String> IAM_PREFIX_BY_CLIENT = Map.of("EcsClient", "ecs", "SqsClient", "sqs",
            "SnsClient", "sns", "Ec2Client", "ec2", "DynamoDbClient", "dynamodb");
    /** S3 names its IAM actions apart from its operations: listing a bucket is s3:ListBucket. */
    private static final Map<String, String> S3_ACTIONS = Map.of("listObjectsV2", "s3:ListBucket",
            "listObjectsV2Paginator", "s3:ListBucket", "getObject", "s3:GetObject");
    /**
     * The DynamoDB lock client's calls, by what it does with a lock (conditional writes plus consistent reads), as the
     * lease gateway sets it up: an existing lease item is updated on acquisition (never replaced) and marked released
     * on release (never deleted), so the leader term on it survives.
     */
    private static final Map<String, List<String>> LOCK_CLIENT_ACTIONS = Map.of(
            "acquireLock", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
            "sendHeartbeat", List.of("dynamodb:UpdateItem"),
            "releaseLock", List.of("dynamodb:UpdateItem"),
            "getLockFromDynamoDB", List.of("dynamodb:GetItem"));
    /**
     * Authorized as part of another call: ECS's RunTask (the ownership tags at launch, and the task's roles), EC2's
     * CreateNetworkInterface (the test ENI's tags, given in the create call).
     */
    private static final Set<String> AUTHORIZED_WITH_ANOTHER_CALL = Set.of("ecs:TagResource", "iam:PassRole",
            "ec2:CreateTags");
    /**
     * Granted for work whose SDK calls are not in the code yet (none now); the stack grants it too.
     * {@link #grantsNothingForFutureWorkThatTheCodeAlreadyCalls} fails once the call lands, to shrink this set.
     */
    private static final Set<String> GRANTED_AHEAD_OF_THE_CODE = Set.of();
    private static final Pattern CLIENT_FIELD = Pattern.compile(
            "\\b(EcsClient|SqsClient|SnsClient|Ec2Client|DynamoDbClient|S3Client|AmazonDynamoDBLockClient)\\s+(\\w+)\\s*[;=),]");

    @Test
    void allowsEveryOperationTheCodeCallsAndNothingMore() throws IOException {
        Set<String> called = calledActions();
        Set<String> allowed = policyWithEveryFeature().actions();
        assertThat(allowed).containsAll(called);
        Set<String> unused = new TreeSet<>(allowed);
        unused.removeAll(called);
        unused.removeAll(AUTHORIZED_WITH_ANOTHER_CALL);
        unused.removeAll(GRANTED_AHEAD_OF_THE_CODE);
        assertThat(unused).as("actions the policy allows but no code calls").isEmpty();
    }

    @Test
    void findsTheCallsItChecks() throws IOException {
        assertThat(calledActions()).contains("ecs:RunTask", "ecs:StopTask", "ecs:ListTasks", "ecs:DescribeTasks",
                "sqs:ReceiveMessage", "sqs:DeleteMessage", "dynamodb:PutItem", "s3:ListBucket", "s3:GetObject",
                "ec2:DescribeSubnets", "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
                "ec2:DescribeNetworkInterfaces");
    }

    @Test
    void grantsNothingForFutureWorkThatTheCodeAlreadyCalls() throws IOException {
        Set<String> landed = new TreeSet<>(GRANTED_AHEAD_OF_THE_CODE);
        landed.retainAll(calledActions());
        assertThat(landed).as("called now: remove from GRANTED_AHEAD_OF_THE_CODE").isEmpty();
    }

    static Set<String> calledActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(AWS_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher field = CLIENT_FIELD.matcher(source);
                while (field.find()) {
                    Matcher call = Pattern.compile("\\b" + field.group(2) + "\\.(\\w+)\\(").matcher(source);
                    while (call.find()) {
                        actions.addAll(actionsOf(field.group(1), call.group(1)));
                    }
                }
            }
        }
        return actions;
    }

    private static List<String> actionsOf(String clientType, String method) {
        if (method.equals("close") || method.equals("serviceName") || method.equals("serviceClientConfiguration")) {
            return List.of();
        }
        if (clientType.equals("AmazonDynamoDBLockClient")) {
            List<String> actions = LOCK_CLIENT_ACTIONS.get(method);
            if (actions == null) {
                throw new AssertionError("map the lock client's " + method + " to its DynamoDB actions");
            }
            return actions;
        }
        if (clientType.equals("S3Client")) {
            String action = S3_ACTIONS.get(method);
            if (action == null) {
                throw new AssertionError("map the S3 client's " + method + " to its IAM action");
            }
            return List.of(action);
        }
        // IAM authorizes a batch call by the single action (DeleteMessageBatch -> sqs:DeleteMessage).
        String operation = method.endsWith("Batch") ? method.substring(0, method.length() - "Batch".length()) : method;
        return List.of(IAM_PREFIX_BY_CLIENT.get(clientType) + ":" + Character.toUpperCase(operation.charAt(0))
                + operation.substring(1));
    }

    static LeastPrivilegePolicy policyWithEveryFeature() {
        LoadResult result = new DesiredStateLoader(LoadSettings.DEFAULT, InstantSource.system()).load(Path.of("desired-state"));
        DesiredState state = ((LoadResult.Valid) result).state();
        return new LeastPrivilegePolicy(state, new PolicyOptions(Optional.of("123456789012"), Optional.of("eu-west-1"),
                List.of("arn:aws:iam::123456789012:role/task"), List.of("arn:aws:sns:eu-west-1:123456789012:t"),
                Optional.of("arn:aws:sqs:eu-west-1:123456789012:q"),
                Optional.of("arn:aws:dynamodb:eu-west-1:123456789012:table/t"),
                S3Location.parse("s3://desired-state-bucket/prod/"), true));
    }
}
