package io.fargatereconciler.cli;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fargatereconciler.desired.DesiredStateFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy}: the task-role policy an operator pastes into the stack, derived from the desired state. */
class PolicyCommandTest {
    static final List<String> EXAMPLE = List.of("desired-state/", "--account", "123456789012", "--region", "eu-west-1");

    @TempDir
    Path folder;
    CommandConsole console = new CommandConsole();

    @Test
    void printsThePinnedPolicyForTheExampleDesiredState() throws IOException {
        assertThat(policy(EXAMPLE)).isEqualTo(PolicyCommand.PRINTED);
        String expected;
        try (InputStream golden = getClass().getResourceAsStream("/cli/example-policy.json")) {
            expected = new String(golden.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!out().equals(expected)) {
            Files.writeString(Path.of("target/example-policy.actual.json"), out());
        }
        assertThat(out()).isEqualTo(expected);
    }

    @Test
    void launchesOnlyTheNamedTaskDefinitionsInTheNamedClusters() throws IOException {
        policy(EXAMPLE);
        JsonNode launch = statement("LaunchNamedTaskDefinitionsInNamedClusters");
        assertThat(launch.get("Action").asText()).isEqualTo("ecs:RunTask");
        assertThat(texts(launch.get("Resource"))).containsExactly(
                "arn:aws:ecs:eu-west-1:123456789012:task-definition/ledger-export:7",
                "arn:aws:ecs:eu-west-1:123456789012:task-definition/payments-api:42",
                "arn:aws:ecs:eu-west-1:123456789012:task-definition/payments-webhook-relay:*");
        assertThat(texts(launch.at("/Condition/ArnEquals/ecs:cluster"))).containsExactly(
                "arn:aws:ecs:eu-west-1:123456789012:cluster/data-batch",
                "arn:aws:ecs:eu-west-1:123456789012:cluster/payments-prod");
        assertThat(texts(statement("ObserveAndStopTasksInNamedClusters").at("/Condition/ArnEquals/ecs:cluster")))
                .hasSize(2);
    }

    @Test
    void marksThePassRoleStatementAsAPlaceholderAndWarnsWhenNoRoleIsGiven() throws IOException {
        new DesiredStateFixture(folder).write("team-a/api.yaml", GROUP);
        policy(List.of(folder.toString(), "--account", "123456789012", "--region", "eu-west-1"));
        JsonNode passRole = statement(LeastPrivilegePolicy.PLACEHOLDER_PASS_ROLE_SID);
        assertThat(passRole.get("Resource").asText()).isEqualTo(LeastPrivilegePolicy.PLACEHOLDER_ROLE);
        assertThat(passRole.at("/Condition/StringEquals/iam:PassedToService").asText()).isEqualTo("ecs-tasks.amazonaws.com");
        assertThat(err()).contains("policy: warning: the iam:PassRole statement is a placeholder").contains("--pass-role");
    }

    @Test
    void passesOnlyTheGivenRolesAndGrantsEventsLeaseAndExtraTopicOnlyWhenAsked() throws IOException {
        List<String> args = new ArrayList<>(EXAMPLE);
        args.addAll(List.of("--pass-role", "arn:aws:iam::123456789012:role/payments-api-task",
                "--pass-role", "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
                "--events", "arn:aws:sqs:eu-west-1:123456789012:reconciler-events",
                "--state-table", "arn:aws:dynamodb:eu-west-1:123456789012:table/reconciler-lease",
                "--topic", "arn:aws:sns:eu-west-1:123456789012:reconciler"));
        assertThat(policy(args)).isEqualTo(PolicyCommand.PRINTED);
        assertThat(out()).doesNotContain("PLACEHOLDER");
        assertThat(err()).doesNotContain("placeholder");
        assertThat(texts(statement("PassTaskAndExecutionRolesToEcsTasks").get("Resource"))).as("the Teams' and the"
                + " given roles").containsExactly("arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
                "arn:aws:iam::123456789012:role/ledger-export-task", "arn:aws:iam::123456789012:role/payments-api-task");
        assertThat(statement("ConsumeTaskStateEvents").get("Resource").asText()).endsWith(":reconciler-events");
        assertThat(statement("KeepLeaderState").get("Resource").asText()).endsWith("table/reconciler-lease");
        assertThat(texts(statement("PublishNotifications").get("Resource"))).containsExactly(
                "arn:aws:sns:eu-west-1:123456789012:data-oncall", "arn:aws:sns:eu-west-1:123456789012:payments-oncall",
                "arn:aws:sns:eu-west-1:123456789012:reconciler");
    }

    @Test
    void printsWhatOneTeamsResourcesNeedWithTeam() throws IOException {
        List<String> args = new ArrayList<>(EXAMPLE);
        args.addAll(List.of("--team", "payments"));
        assertThat(policy(args)).isEqualTo(PolicyCommand.PRINTED);
        assertThat(texts(statement("LaunchNamedTaskDefinitionsInNamedClusters").get("Resource"))).containsExactly(
                "arn:aws:ecs:eu-west-1:123456789012:task-definition/payments-api:42",
                "arn:aws:ecs:eu-west-1:123456789012:task-definition/payments-webhook-relay:*");
        assertThat(texts(statement("ObserveAndStopTasksInNamedClusters").at("/Condition/ArnEquals/ecs:cluster")))
                .containsExactly("arn:aws:ecs:eu-west-1:123456789012:cluster/payments-prod");
        assertThat(texts(statement("PassTaskAndExecutionRolesToEcsTasks").get("Resource"))).containsExactly(
                "arn:aws:iam::123456789012:role/ecsTaskExecutionRole", "arn:aws:iam::123456789012:role/payments-api-task");
        assertThat(texts(statement("PublishNotifications").get("Resource")))
                .containsExactly("arn:aws:sns:eu-west-1:123456789012:payments-oncall");

        assertThat(policy(List.of("desired-state/", "--team", "billing"))).isEqualTo(PolicyCommand.USAGE_ERROR);
        assertThat(err()).isEqualTo("policy: no team billing in desired-state; its teams are data, payments\n");
    }

    @Test
    void writesArnsInThePartitionOfTheRegion() throws IOException {
        new DesiredStateFixture(folder).write("team-a/api.yaml", GROUP);
        assertThat(policy(List.of(folder.toString(), "--account", "123456789012", "--region", "cn-north-1",
                "--s3-source", "s3://acme/prod/", "--test-eni", "--pass-role", "arn:aws-cn:iam::123456789012:role/t")))
                .isEqualTo(PolicyCommand.PRINTED);
        assertThat(out()).contains("\"arn:aws-cn:ecs:cn-north-1:123456789012:cluster/prod\"",
                "\"arn:aws-cn:ecs:cn-north-1:123456789012:task/*\"", "\"arn:aws-cn:s3:::acme\"",
                "\"arn:aws-cn:ec2:cn-north-1:123456789012:network-interface/*\"").doesNotContain("arn:aws:");
        assertThat(policy(List.of(folder.toString(), "--account", "123456789012", "--region", "us-gov-west-1")))
                .isEqualTo(PolicyCommand.PRINTED);
        assertThat(out()).contains("\"arn:aws-us-gov:ecs:us-gov-west-1:123456789012:cluster/prod\"");
    }

    @Test
    void printsTheStackParametersThatGrantTheSame() {
        List<String> args = new ArrayList<>(EXAMPLE);
        args.add("--stack-parameters");
        assertThat(policy(args)).isEqualTo(PolicyCommand.PRINTED);
        assertThat(out().lines()).containsExactly(
                "ManagedClusterArns=arn:aws:ecs:eu-west-1:123456789012:cluster/data-batch,"
                        + "arn:aws:ecs:eu-west-1:123456789012:cluster/payments-prod",
                "ManagedPassRoleArns=arn:aws:iam::123456789012:role/ecsTaskExecutionRole,"
                        + "arn:aws:iam::123456789012:role/ledger-export-task,"
                        + "arn:aws:iam::123456789012:role/payments-api-task",
                "ManagedSubnetArns=arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0a1b2c3d4e5f60718,"
                        + "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0b2c3d4e5f6071829,"
                        + "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0c3d4e5f607182930,"
                        + "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0d4e5f60718293a4b,"
                        + "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0e5f60718293a4b5c",
                "ManagedTaskDefinitionArns=arn:aws:ecs:eu-west-1:123456789012:task-definition/ledger-export:7,"
                        + "arn:aws:ecs:eu-west-1:123456789012:task-definition/payments-api:42,"
                        + "arn:aws:ecs:eu-west-1:123456789012:task-definition/payments-webhook-relay:*",
                "NotificationTopicArns=arn:aws:sns:eu-west-1:123456789012:data-oncall,"
                        + "arn:aws:sns:eu-west-1:123456789012:payments-oncall");
    }

    @Test
    void readsOnlyTheDesiredStatePrefixWhenTheSourceIsS3() throws IOException {
        List<String> args = new ArrayList<>(EXAMPLE);
        args.addAll(List.of("--s3-source", "s3://acme-desired-state/prod"));
        assertThat(policy(args)).isEqualTo(PolicyCommand.PRINTED);
        JsonNode list = statement("ListDesiredStatePrefix");
        assertThat(list.get("Action").asText()).isEqualTo("s3:ListBucket");
        assertThat(list.get("Resource").asText()).isEqualTo("arn:aws:s3:::acme-desired-state");
        assertThat(list.at("/Condition/StringLike/s3:prefix").asText()).isEqualTo("prod/*");
        JsonNode read = statement("ReadDesiredStateObjects");
        assertThat(read.get("Action").asText()).isEqualTo("s3:GetObject");
        assertThat(read.get("Resource").asText()).isEqualTo("arn:aws:s3:::acme-desired-state/prod/*");
    }

    @Test
    void grantsNoS3WithoutAnS3SourceAndRefusesAMalformedOne() throws IOException {
        policy(EXAMPLE);
        assertThat(out()).doesNotContain("s3:");
        assertThat(policy(List.of("desired-state/", "--s3-source", "bucket/prod"))).isEqualTo(PolicyCommand.USAGE_ERROR);
        assertThat(err()).contains("--s3-source must be an s3://bucket/prefix URI");
        assertThat(policy(List.of("desired-state/", "--s3-source", "s3://Bad_Bucket/p"))).isEqualTo(PolicyCommand.USAGE_ERROR);
        assertThat(err()).contains("is not an S3 bucket name");
    }

    @Test
    void grantsTheTestEniCallsOnlyWithTheSwitchAndOnlyForInterfacesTaggedAsOurs() throws IOException {
        policy(EXAMPLE);
        assertThat(out()).doesNotContain("ec2:CreateNetworkInterface").doesNotContain("ec2:DeleteNetworkInterface");

        List<String> args = new ArrayList<>(EXAMPLE);
        args.add("--test-eni");
        assertThat(policy(args)).isEqualTo(PolicyCommand.PRINTED);
        JsonNode tagged = statement("CreateTestEniOnlyTaggedAsOurs");
        assertThat(tagged.get("Resource").asText()).isEqualTo("arn:aws:ec2:eu-west-1:123456789012:network-interface/*");
        assertThat(tagged.at("/Condition/Null/aws:RequestTag~1fargate-reconciler~1test-eni").asText()).isEqualTo("false");
        assertThat(texts(statement("CreateTestEniInNamedSubnets").get("Resource")))
                .contains("arn:aws:ec2:eu-west-1:123456789012:security-group/*")
                .anySatisfy(arn -> assertThat(arn).startsWith("arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-"))
                .noneSatisfy(arn -> assertThat(arn).isEqualTo("arn:aws:ec2:eu-west-1:123456789012:subnet/*"));
        assertThat(statement("TagTestEniAtCreate").at("/Condition/StringEquals/ec2:CreateAction").asText())
                .isEqualTo("CreateNetworkInterface");
        assertThat(statement("DeleteOnlyTestEnisTaggedAsOurs")
                .at("/Condition/Null/aws:ResourceTag~1fargate-reconciler~1test-eni").asText()).isEqualTo("false");
        assertThat(statement("FindLeftoverTestEnis").get("Action").asText()).isEqualTo("ec2:DescribeNetworkInterfaces");
    }

    @Test
    void leavesOutSnsSqsAndDynamoDbWhenNoFeatureNeedsThem() throws IOException {
        new DesiredStateFixture(folder).write("team-a/api.yaml", GROUP);
        assertThat(policy(List.of(folder.toString()))).isEqualTo(PolicyCommand.PRINTED);
        assertThat(out()).doesNotContain("sns:").doesNotContain("sqs:").doesNotContain("dynamodb:");
        assertThat(out()).contains("\"arn:aws:ecs:*:*:cluster/prod\"");
        assertThat(err()).contains("pass --account and --region to pin them");
    }

    @Test
    void printsTheValidationErrorsAndNoPolicyForAnInvalidDesiredState() {
        new DesiredStateFixture(folder).write("team-a/api.yaml", GROUP.replace("replicas: 2", "replicas: -1"));
        assertThat(policy(List.of(folder.toString()))).isEqualTo(PolicyCommand.INVALID);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("team-a/api.yaml:6:13 spec.replicas: must not be negative");
    }

    @Test
    void refusesAnUnknownOptionAndAMalformedAccountWithUsage() {
        assertThat(policy(List.of("desired-state/", "--acount", "1"))).isEqualTo(PolicyCommand.USAGE_ERROR);
        assertThat(err()).startsWith("policy: unknown option --acount\n").contains("Usage: fargate-reconciler policy");
        assertThat(policy(List.of("desired-state/", "--account", "12"))).isEqualTo(PolicyCommand.USAGE_ERROR);
        assertThat(err()).contains("--account must be a 12-digit AWS account id");
        assertThat(policy(List.of())).isEqualTo(PolicyCommand.USAGE_ERROR);
    }

    private int policy(List<String> args) {
        return console.run("policy", args);
    }

    private JsonNode statement(String sid) throws IOException {
        for (JsonNode statement : new ObjectMapper().readTree(out()).get("Statement")) {
            if (statement.get("Sid").asText().equals(sid)) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid + " in\n" + out());
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> texts.add(item.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }

    private String out() {
        return console.out();
    }

    private String err() {
        return console.err();
    }
}
