package io.fargatereconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.deploy.CloudFormationTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The stack's task role and the {@code policy} command agree: with every feature the stack switches on (events,
 * lease, notifications, an S3 desired-state source) they allow the same actions, so neither grants what the other
 * forgot, and {@link PolicyCoversAwsCallsTest} ties both to the SDK calls in the code.
 */
class StackTaskRoleMatchesPolicyTest {
    private static final Path TEMPLATE = Path.of("deploy/cloudformation/reconciler.yaml");
    private static Map<String, Node> statementsBySid;

    @BeforeAll
    static void readTaskRole() throws IOException {
        Node taskRole = CloudFormationTemplate.read(TEMPLATE).section("Resources").get("TaskRole");
        SequenceNode policies = (SequenceNode) CloudFormationTemplate.at(taskRole, "Properties.Policies").orElseThrow();
        statementsBySid = new LinkedHashMap<>();
        for (Node policy : policies.getValue()) {
            Node document = policy.getTag().getValue().equals("!If")
                    ? ((SequenceNode) policy).getValue().get(1) : policy;
            SequenceNode statements = (SequenceNode) CloudFormationTemplate.at(document, "PolicyDocument.Statement")
                    .orElseThrow();
            for (Node statement : statements.getValue()) {
                statementsBySid.put(CloudFormationTemplate.scalarAt(statement, "Sid").orElseThrow(), statement);
            }
        }
    }

    @Test
    void grantsTheSameActionsAsThePolicyCommandWithEveryFeatureOn() {
        Set<String> stack = new TreeSet<>();
        statementsBySid.values().forEach(statement -> stack.addAll(actions(statement)));

        assertThat(stack).isEqualTo(PolicyCoversAwsCallsTest.policyWithEveryFeature().actions());
    }

    @Test
    void readsTheDesiredStateBucketUnderThePrefixOnlyLikeThePolicyCommand() {
        Node list = statementsBySid.get("ListDesiredStatePrefix");
        Node read = statementsBySid.get("ReadDesiredStateObjects");

        assertThat(actions(list)).containsExactlyElementsOf(LeastPrivilegePolicy.LIST_DESIRED_STATE);
        assertThat(actions(read)).containsExactlyElementsOf(LeastPrivilegePolicy.READ_DESIRED_STATE);
        Node condition = CloudFormationTemplate.at(list, "Condition").orElseThrow();
        assertThat(condition.getTag().getValue()).isEqualTo("!If");
        assertThat(CloudFormationTemplate.scalarAt(((SequenceNode) condition).getValue().get(1), "StringLike.s3:prefix"))
                .contains("${DesiredStatePrefix}*");
        assertThat(CloudFormationTemplate.scalarAt(read, "Resource"))
                .contains("${DesiredStateBucketArn}/${DesiredStatePrefix}*");
    }

    private static List<String> actions(Node statement) {
        Node action = CloudFormationTemplate.at(statement, "Action").orElseThrow();
        if (action instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        return ((SequenceNode) action).getValue().stream().map(node -> ((ScalarNode) node).getValue()).toList();
    }
}
