package io.fargatereconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fargatereconciler.deploy.CloudFormationTemplate;
import io.fargatereconciler.deploy.StackEvaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The stack's task role grants exactly what the {@code policy} command prints for the example desired state
 * (two teams), resources and conditions included: the stack is evaluated for the parameters
 * {@code policy --stack-parameters} prints, with the features it switches on, and both are compared grant by grant
 * (action, resource, condition). {@link PolicyCoversAwsCallsTest} ties the actions to the SDK calls in the code.
 */
class StackTaskRoleMatchesPolicyTest {
    private static final Path TEMPLATE = Path.of("deploy/cloudformation/reconciler.yaml");
    private static final String ACCOUNT = "123456789012";

    @Test
    void grantsWhatThePolicyCommandPrintsForTheExampleDesiredStateResourcesIncluded() throws IOException {
        Deployment stack = new Deployment("eu-west-1", "aws");

        assertThat(stack.taskRoleGrants(Map.of())).isEqualTo(stack.policyGrants(List.of()));
    }

    @Test
    void grantsWhatThePolicyCommandPrintsWithTheS3SourceAndTheTestEniOn() throws IOException {
        Deployment stack = new Deployment("eu-west-1", "aws");

        Set<Grant> granted = stack.taskRoleGrants(Map.of("DesiredStateBucketArn", "arn:aws:s3:::acme-desired-state",
                "DesiredStatePrefix", "prod/", "TestEniDiagnosis", "true"));

        assertThat(granted).isEqualTo(stack.policyGrants(List.of("--s3-source", "s3://acme-desired-state/prod/",
                "--test-eni")));
        assertThat(granted).contains(new Grant("sns:Publish", "arn:aws:sns:eu-west-1:123456789012:payments-oncall", "{}"),
                new Grant("iam:PassRole", "arn:aws:iam::123456789012:role/ledger-export-task",
                        "{StringEquals={iam:PassedToService=[ecs-tasks.amazonaws.com]}}"));
    }

    @Test
    void writesTheSameArnsInTheChinaPartition() throws IOException {
        Deployment stack = new Deployment("cn-north-1", "aws-cn");

        Set<Grant> granted = stack.taskRoleGrants(Map.of());

        assertThat(granted).isEqualTo(stack.policyGrants(List.of()));
        assertThat(granted).contains(new Grant("ecs:TagResource", "arn:aws-cn:ecs:cn-north-1:123456789012:task/*",
                "{StringEquals={ecs:CreateAction=[RunTask]}}"));
    }

    /** One deployment of the stack in a region: its own resources stand in by ARNs in that region. */
    private static final class Deployment {
        private final String region;
        private final String partition;
        private final String topic;
        private final String queue;
        private final String table;

        Deployment(String region, String partition) {
            this.region = region;
            this.partition = partition;
            this.topic = "arn:" + partition + ":sns:" + region + ":" + ACCOUNT + ":fargate-reconciler-NotificationTopic";
            this.queue = "arn:" + partition + ":sqs:" + region + ":" + ACCOUNT + ":fargate-reconciler-EventsQueue";
            this.table = "arn:" + partition + ":dynamodb:" + region + ":" + ACCOUNT + ":table/fargate-reconciler-LeaseTable";
        }

        /** The grants of the policy command with the stack's features (events, lease, its topic) and {@code more}. */
        Set<Grant> policyGrants(List<String> more) throws IOException {
            List<String> args = new ArrayList<>(List.of("desired-state/", "--account", ACCOUNT, "--region", region,
                    "--events", queue, "--leader-table", table, "--topic", topic));
            args.addAll(more);
            Map<?, ?> document = new ObjectMapper().readValue(run(args), Map.class);
            Set<Grant> grants = new TreeSet<>();
            for (Object statement : (List<?>) document.get("Statement")) {
                grants.addAll(Grant.of((Map<?, ?>) statement));
            }
            return grants;
        }

        /** The grants of the stack's task role, for the parameters {@code policy --stack-parameters} prints. */
        Set<Grant> taskRoleGrants(Map<String, String> moreParameters) throws IOException {
            Map<String, Object> parameters = new LinkedHashMap<>();
            List<String> args = List.of("desired-state/", "--account", ACCOUNT, "--region", region, "--stack-parameters");
            run(args).lines().forEach(line -> parameters.put(line.substring(0, line.indexOf('=')),
                    Arrays.asList(line.substring(line.indexOf('=') + 1).split(",", -1))));
            parameters.putAll(moreParameters);
            parameters.putAll(Map.of("VpcId", "vpc-0123456789abcdef0", "LoadBalancerSubnetIds", "subnet-0aaa",
                    "ServiceSubnetIds", "subnet-0bbb", "Image", "reconciler:1",
                    "DesiredStatePath", "s3://acme-desired-state/prod/"));
            parameters.putAll(Map.of("AWS::Region", region, "AWS::AccountId", ACCOUNT, "AWS::Partition", partition,
                    "AWS::StackName", "fargate-reconciler"));
            CloudFormationTemplate template = CloudFormationTemplate.read(TEMPLATE);
            StackEvaluation stack = new StackEvaluation(template, parameters,
                    Map.of("NotificationTopic", topic, "EventsQueue", "https://sqs/queue", "LeaseTable", "lease"),
                    Map.of("EventsQueue.Arn", queue, "LeaseTable.Arn", table));
            Object policies = stack.evaluate(CloudFormationTemplate.at(template.section("Resources").get("TaskRole"),
                    "Properties.Policies").orElseThrow());
            Set<Grant> grants = new TreeSet<>();
            for (Object policy : (List<?>) policies) {
                Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) policy).get("PolicyDocument");
                for (Object statement : (List<?>) document.get("Statement")) {
                    grants.addAll(Grant.of((Map<?, ?>) statement));
                }
            }
            return grants;
        }

        private static String run(List<String> args) {
            CommandConsole console = new CommandConsole();
            int status = console.run("policy", args);
            assertThat(status).as("policy %s: %s", args, console.err()).isEqualTo(PolicyCommand.PRINTED);
            return console.out();
        }
    }

    /** One action on one resource under one condition (printed canonically: keys sorted, values as sorted lists). */
    record Grant(String action, String resource, String condition) implements Comparable<Grant> {
        static List<Grant> of(Map<?, ?> statement) {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            String condition = canonical(statement.get("Condition")).toString();
            List<Grant> grants = new ArrayList<>();
            for (String action : texts(statement.get("Action"))) {
                for (String resource : texts(statement.get("Resource"))) {
                    grants.add(new Grant(action, resource, condition));
                }
            }
            return grants;
        }

        private static Map<String, Object> canonical(Object condition) {
            Map<String, Object> canonical = new TreeMap<>();
            if (condition instanceof Map<?, ?> operators) {
                operators.forEach((operator, keys) -> {
                    Map<String, Object> byKey = new TreeMap<>();
                    ((Map<?, ?>) keys).forEach((key, values) -> byKey.put((String) key, new TreeSet<>(texts(values))
                            .stream().toList()));
                    canonical.put((String) operator, byKey);
                });
            }
            return canonical;
        }

        private static List<String> texts(Object value) {
            return value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(value));
        }

        @Override
        public int compareTo(Grant other) {
            return toString().compareTo(other.toString());
        }
    }
}
