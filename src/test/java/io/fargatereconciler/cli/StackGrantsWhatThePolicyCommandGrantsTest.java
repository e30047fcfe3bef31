package io.fargatereconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CloudFormation stack's task role grants the same ECS, IAM, EC2, SNS, SQS and DynamoDB actions as the
 * {@code policy} command with every feature on ({@link PolicyCoversAwsCallsTest} ties those to the code), so a
 * deployment from the stack is neither short of an action nor granted one the code never calls.
 */
class StackGrantsWhatThePolicyCommandGrantsTest {
    private static final Path STACK = Path.of("deploy/cloudformation/reconciler.yaml");
    private static final Set<String> SERVICES = Set.of("ecs", "iam", "ec2", "sns", "sqs", "dynamodb");
    /** The queue's resource policy lets EventBridge send; it is not the reconciler's own permission. */
    private static final String NOT_THE_TASK_ROLE = "EventBridgeSendsTaskStateChanges";
    private static final Pattern STATEMENT = Pattern.compile(
            "- Sid: (\\w+)\\s*\\n(?:\\s+\\w+:.*\\n)*?\\s+Action: (\\[[^]]*]|\\S+)");

    @Test
    void stackTaskRoleAllowsExactlyTheActionsOfThePolicyCommand() throws IOException {
        Set<String> fromPolicyCommand = new TreeSet<>();
        Stream.of(LeastPrivilegePolicy.LAUNCH, LeastPrivilegePolicy.OBSERVE_AND_STOP,
                        LeastPrivilegePolicy.TAG_AT_LAUNCH, LeastPrivilegePolicy.PASS_ROLE, LeastPrivilegePolicy.SUBNETS,
                        LeastPrivilegePolicy.NOTIFY, LeastPrivilegePolicy.EVENTS, LeastPrivilegePolicy.LEASE)
                .forEach(fromPolicyCommand::addAll);

        assertThat(stackTaskRoleActions()).as("actions the stack's task role grants, services %s", SERVICES)
                .isEqualTo(fromPolicyCommand);
    }

    private static Set<String> stackTaskRoleActions() throws IOException {
        Matcher statement = STATEMENT.matcher(Files.readString(STACK));
        Set<String> actions = new TreeSet<>();
        while (statement.find()) {
            if (statement.group(1).equals(NOT_THE_TASK_ROLE)) {
                continue;
            }
            String listed = statement.group(2).replace("[", "").replace("]", "");
            for (String action : List.of(listed.split(","))) {
                String trimmed = action.trim();
                if (SERVICES.contains(trimmed.substring(0, trimmed.indexOf(':')))) {
                    actions.add(trimmed);
                }
            }
        }
        return actions;
    }
}
