package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * The read-only calls an account check makes, through the real SDK clients on the simulator's one port: EC2
 * DescribeSecurityGroups, SNS GetTopicAttributes, IAM GetRole, and the roles a seeded task definition carries.
 */
class AccountDescribeOperationsTest {
    private final FargateSimulator simulator = FargateSimulator.start(SimulatorConfig.devExample(),
            VirtualClock.create());
    private final Ec2Client ec2 = AwsClients.ec2(simulator.endpoint());
    private final SnsClient sns = AwsClients.sns(simulator.endpoint());
    private final IamClient iam = AwsClients.iam(simulator.endpoint());
    private final EcsClient ecs = AwsClients.ecs(simulator.endpoint());

    @AfterEach
    void close() {
        ec2.close();
        sns.close();
        iam.close();
        ecs.close();
        simulator.close();
    }

    @Test
    void describesTheSeededSecurityGroupsSelectedByFilterAndRefusesAnUnknownIdAsEc2Does() {
        var found = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-id")
                .values("sg-0123456789abcdef0", "sg-0000000000000dead").build())).securityGroups();

        assertThat(found).extracting(SecurityGroup::groupId).containsExactly("sg-0123456789abcdef0");
        assertThat(found.get(0).vpcId()).isEqualTo(SubnetSeed.DEFAULT_VPC_ID);
        assertThatThrownBy(() -> ec2.describeSecurityGroups(r -> r.groupIds("sg-0000000000000dead")))
                .isInstanceOfSatisfying(Ec2Exception.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidGroup.NotFound"));
    }

    @Test
    void answersGetTopicAttributesForATopicThatExistsAndNotFoundOtherwise() {
        var attributes = sns.getTopicAttributes(r -> r.topicArn("arn:aws:sns:eu-west-1:123456789012:payments-oncall"))
                .attributes();

        assertThat(attributes).containsEntry("TopicArn", "arn:aws:sns:eu-west-1:123456789012:payments-oncall");
        assertThatThrownBy(() -> sns.getTopicAttributes(r -> r.topicArn("arn:aws:sns:eu-west-1:123456789012:ghost")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void answersGetRoleForASeededRoleAndNoSuchEntityOtherwise() {
        var role = iam.getRole(r -> r.roleName("payments-api-task")).role();

        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/payments-api-task");
        assertThatThrownBy(() -> iam.getRole(r -> r.roleName("nobody"))).isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The role with name nobody cannot be found.");
        assertThat(simulator.admin().apiCalls().calls("iam:GetRole")).isEqualTo(2);
    }

    @Test
    void describesTheRolesASeededTaskDefinitionPasses() {
        var definition = ecs.describeTaskDefinition(r -> r.taskDefinition("payments-api:42")).taskDefinition();

        assertThat(definition.taskRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/payments-api-task");
        assertThat(definition.executionRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/ecsTaskExecutionRole");
    }
}
