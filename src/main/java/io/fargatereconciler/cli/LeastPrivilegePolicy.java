package io.fargatereconciler.cli;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.S3Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reconciler's task-role policy for one desired state: the ECS, IAM and EC2 statements every deployment needs,
 * scoped to the clusters and task definitions named, plus SNS/SQS/DynamoDB/S3 statements only for features switched
 * on (S3: reading the desired state from an {@code s3://} source).
 * The action lists here are the single source for what the reconciler may call; a test checks them against the
 * SDK calls in the {@code aws} package.
 */
final class LeastPrivilegePolicy {
    static final String PLACEHOLDER_PASS_ROLE_SID = "PLACEHOLDERPassTaskAndExecutionRolesReplaceResource";
    static final String PLACEHOLDER_ROLE = "arn:aws:iam::ACCOUNT:role/REPLACE-WITH-THE-TASK-AND-EXECUTION-ROLES";

    static final List<String> LAUNCH = List.of("ecs:RunTask");
    static final List<String> OBSERVE_AND_STOP = List.of("ecs:DescribeTasks", "ecs:ListTasks", "ecs:StopTask");
    static final List<String> TAG_AT_LAUNCH = List.of("ecs:TagResource");
    static final List<String> PASS_ROLE = List.of("iam:PassRole");
    static final List<String> SUBNETS = List.of("ec2:DescribeSubnets");
    static final List<String> CREATE_TEST_ENI = List.of("ec2:CreateNetworkInterface");
    static final List<String> TAG_TEST_ENI = List.of("ec2:CreateTags");
    static final List<String> DELETE_TEST_ENI = List.of("ec2:DeleteNetworkInterface");
    static final List<String> FIND_TEST_ENIS = List.of("ec2:DescribeNetworkInterfaces");
    /** The tag every test network interface carries (see the test-ENI diagnosis). */
    static final String TEST_ENI_TAG = "fargate-reconciler/test-eni";
    static final List<String> NOTIFY = List.of("sns:Publish");
    static final List<String> EVENTS = List.of("sqs:ChangeMessageVisibility", "sqs:DeleteMessage",
            "sqs:GetQueueAttributes", "sqs:ReceiveMessage");
    /** The lease (lock client), the run ledger and the launch intents: conditional writes and consistent reads. */
    static final List<String> STATE = List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
    static final List<String> LIST_DESIRED_STATE = List.of("s3:ListBucket");
    static final List<String> READ_DESIRED_STATE = List.of("s3:GetObject");

    private final List<Map<String, Object>> statements = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    LeastPrivilegePolicy(DesiredState state, PolicyOptions options) {
        String region = options.region().orElse("*");
        String account = options.account().orElse("*");
        Set<String> clusters = new TreeSet<>();
        Set<String> taskDefinitions = new TreeSet<>();
        Set<String> topics = new TreeSet<>(options.topics());
        Set<String> subnets = new TreeSet<>();
        for (DesiredResource resource : state.resources().values()) {
            resource.task().network().subnets().forEach(subnet -> subnets.add(
                    "arn:aws:ec2:" + region + ":" + account + ":subnet/" + subnet));
            clusters.add(clusterArn(resource.task().cluster(), region, account));
            taskDefinitions.add(taskDefinitionArn(resource.task().taskDefinition(), region, account));
            if (resource.task().notifications().topicArn() != null) {
                topics.add(resource.task().notifications().topicArn());
            }
        }
        Map<String, Object> inClusters = Map.of("ArnEquals", Map.of("ecs:cluster", List.copyOf(clusters)));
        add("LaunchNamedTaskDefinitionsInNamedClusters", LAUNCH, List.copyOf(taskDefinitions), inClusters);
        add("ObserveAndStopTasksInNamedClusters", OBSERVE_AND_STOP, "*", inClusters);
        add("TagTasksAtLaunch", TAG_AT_LAUNCH, "arn:aws:ecs:" + region + ":" + account + ":task/*",
                Map.of("StringEquals", Map.of("ecs:CreateAction", "RunTask")));
        Map<String, Object> toEcsTasks = Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com"));
        if (options.passRoles().isEmpty()) {
            add(PLACEHOLDER_PASS_ROLE_SID, PASS_ROLE, PLACEHOLDER_ROLE, toEcsTasks);
            warnings.add("the iam:PassRole statement is a placeholder: the task and execution roles are in the task "
                    + "definitions, not in the desired state; run again with --pass-role ARN for each of them");
        } else {
            add("PassTaskAndExecutionRolesToEcsTasks", PASS_ROLE, List.copyOf(new TreeSet<>(options.passRoles())), toEcsTasks);
        }
        add("ReadSubnetFreeIps", SUBNETS, "*", null);
        if (options.testEni()) {
            addTestEni(region, account, List.copyOf(subnets));
        }
        if (!topics.isEmpty()) {
            add("PublishNotifications", NOTIFY, List.copyOf(topics), null);
        }
        options.eventsQueue().ifPresent(queue -> add("ConsumeTaskStateEvents", EVENTS, queue, null));
        options.stateTable().ifPresent(table -> add("KeepLeaderState", STATE, table, null));
        options.s3Source().ifPresent(this::addDesiredStateBucket);
        if (options.account().isEmpty() || options.region().isEmpty()) {
            warnings.add("clusters and task definitions named without an ARN match any "
                    + (options.account().isEmpty() ? "account" : "") + (options.account().isEmpty() && options.region().isEmpty() ? " and " : "")
                    + (options.region().isEmpty() ? "region" : "") + "; pass --account and --region to pin them");
        }
    }

    /** ListObjectsV2 under the prefix only (the s3:prefix condition), GetObject on the keys under it; nothing else. */
    private void addDesiredStateBucket(S3Location source) {
        String bucketArn = "arn:aws:s3:::" + source.bucket();
        add("ListDesiredStatePrefix", LIST_DESIRED_STATE, bucketArn, source.prefix().isEmpty() ? null
                : Map.of("StringLike", Map.of("s3:prefix", source.prefix() + "*")));
        add("ReadDesiredStateObjects", READ_DESIRED_STATE, bucketArn + "/" + source.prefix() + "*", null);
    }

    /**
     * The test-ENI diagnosis: create an interface only tagged as ours (tagging allowed only as part of the create),
     * only in the desired state's subnets, delete only interfaces tagged as ours, and find leftovers (Describe
     * calls have no resource-level permissions).
     */
    private void addTestEni(String region, String account, List<String> subnets) {
        String interfaces = "arn:aws:ec2:" + region + ":" + account + ":network-interface/*";
        add("CreateTestEniOnlyTaggedAsOurs", CREATE_TEST_ENI, interfaces,
                Map.of("Null", Map.of("aws:RequestTag/" + TEST_ENI_TAG, "false")));
        List<String> placement = new ArrayList<>(subnets);
        placement.add("arn:aws:ec2:" + region + ":" + account + ":security-group/*");
        add("CreateTestEniInNamedSubnets", CREATE_TEST_ENI, placement, null);
        add("TagTestEniAtCreate", TAG_TEST_ENI, interfaces,
                Map.of("StringEquals", Map.of("ec2:CreateAction", "CreateNetworkInterface")));
        add("DeleteOnlyTestEnisTaggedAsOurs", DELETE_TEST_ENI, interfaces,
                Map.of("Null", Map.of("aws:ResourceTag/" + TEST_ENI_TAG, "false")));
        add("FindLeftoverTestEnis", FIND_TEST_ENIS, "*", null);
    }

    /** The policy document, ready to serialize: Version and Statement, keys in IAM's usual order. */
    Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.copyOf(statements));
        return document;
    }

    /** What the reader must still do before using the policy. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Every action the policy allows. */
    Set<String> actions() {
        Set<String> actions = new TreeSet<>();
        statements.forEach(statement -> {
            Object action = statement.get("Action");
            if (action instanceof List<?> list) {
                list.forEach(a -> actions.add((String) a));
            } else {
                actions.add((String) action);
            }
        });
        return actions;
    }

    private void add(String sid, List<String> actions, Object resource, Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions.size() == 1 ? actions.get(0) : actions);
        statement.put("Resource", resource instanceof List<?> list && list.size() == 1 ? list.get(0) : resource);
        if (condition != null) {
            statement.put("Condition", condition);
        }
        statements.add(statement);
    }

    static String clusterArn(String cluster, String region, String account) {
        return cluster.startsWith("arn:") ? cluster : "arn:aws:ecs:" + region + ":" + account + ":cluster/" + cluster;
    }

    /** {@code family} → every revision ({@code family:*}); {@code family:rev} or an ARN with a revision → exactly that. */
    static String taskDefinitionArn(String taskDefinition, String region, String account) {
        String arn = taskDefinition.startsWith("arn:") ? taskDefinition
                : "arn:aws:ecs:" + region + ":" + account + ":task-definition/" + taskDefinition;
        String familyAndRevision = arn.substring(arn.indexOf("task-definition/") + "task-definition/".length());
        return familyAndRevision.contains(":") ? arn : arn + ":*";
    }
}
