package io.fargatereconciler.aws;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only lookups of what exists in an AWS account, for checking a desired state before it is merged
 * ({@code validate --against-aws}). Every lookup is a {@link Lookup}: what was found, or why the account could not
 * be asked (no permission, no route). The IAM actions they need are {@link #ACTIONS}.
 */
public interface AccountInventory extends AutoCloseable {
    /** What the lookups call: grant these (and nothing else is needed) to the role a pipeline checks with. */
    List<String> ACTIONS = List.of("ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ecs:DescribeClusters",
            "ecs:DescribeTaskDefinition", "iam:GetRole", "sns:GetTopicAttributes");

    /** Of {@code clusters} (names or ARNs, as written), those that exist and are ACTIVE. */
    Lookup<Set<String>> activeClusters(Collection<String> clusters);

    /** The task definition ({@code family}: its latest ACTIVE revision; {@code family:rev} or ARN), if it exists. */
    Lookup<Optional<TaskDefinitionRoles>> taskDefinition(String reference);

    /** Of the subnet ids, those that exist. */
    Lookup<Set<String>> existingSubnets(Collection<String> subnetIds);

    /** Of the security group ids, those that exist. */
    Lookup<Set<String>> existingSecurityGroups(Collection<String> groupIds);

    Lookup<Boolean> topicExists(String topicArn);

    /** Whether the role exists in the account, with exactly this ARN. */
    Lookup<Boolean> roleExists(String roleArn);

    @Override
    void close();

    /** A task definition that exists, with the roles a RunTask of it passes (null when it has none). */
    record TaskDefinitionRoles(String arn, String taskRoleArn, String executionRoleArn) {
    }

    /** What a lookup found, or why it could not be made. */
    sealed interface Lookup<T> {
        record Found<T>(T value) implements Lookup<T> {
        }

        /** {@code operation} as AWS names it ({@code EC2 DescribeSubnets}); {@code reason} what AWS or the SDK said. */
        record Failed<T>(String operation, String reason) implements Lookup<T> {
        }
    }
}
