package io.fargatereconciler.desired;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static io.fargatereconciler.desired.DesiredStateFixture.allowing;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared task fields: AWS names and ARNs, network ids, launch type, overrides, tags, the cluster allow-list. */
class SpecFieldValidationTest {
    @TempDir
    Path folder;
    DesiredStateFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DesiredStateFixture(folder);
    }

    @Test
    void rejectsAClusterArnOfAnotherService() {
        assertThat(fixture.errorsOf(GROUP.replace("cluster: prod", "cluster: arn:aws:eks:eu-west-1:123456789012:cluster/prod")))
                .containsExactly("api.yaml:7:12 spec.cluster: malformed ARN (service is \"eks\", expected ecs); expected"
                        + " the shape of arn:aws:ecs:eu-west-1:123456789012:cluster/prod");
    }

    @Test
    void rejectsAClusterArnWithAShortAccountId() {
        assertThat(fixture.errorsOf(GROUP.replace("cluster: prod", "cluster: arn:aws:ecs:eu-west-1:12345:cluster/prod")))
                .containsExactly("api.yaml:7:12 spec.cluster: malformed ARN (account id \"12345\" is not 12 digits);"
                        + " expected the shape of arn:aws:ecs:eu-west-1:123456789012:cluster/prod");
    }

    @Test
    void rejectsATaskDefinitionArnWithoutRevision() {
        assertThat(fixture.errorsOf(GROUP.replace("taskDefinition: api:3",
                "taskDefinition: arn:aws:ecs:eu-west-1:123456789012:task-definition/api")))
                .containsExactly("api.yaml:8:19 spec.taskDefinition: malformed ARN (resource \"task-definition/api\" is"
                        + " not task-definition/<name>:<revision>); expected the shape of"
                        + " arn:aws:ecs:eu-west-1:123456789012:task-definition/api:42");
    }

    @Test
    void rejectsATaskDefinitionWithARevisionOfZero() {
        assertThat(fixture.errorsOf(GROUP.replace("taskDefinition: api:3", "taskDefinition: api:0")))
                .containsExactly("api.yaml:8:19 spec.taskDefinition: must be a task definition family (api),"
                        + " family:revision (api:42) or an ARN such as"
                        + " arn:aws:ecs:eu-west-1:123456789012:task-definition/api:42, not \"api:0\"");
    }

    @Test
    void acceptsArnsInEveryPartition() {
        fixture.write("api.yaml", GROUP
                .replace("cluster: prod", "cluster: arn:aws-cn:ecs:cn-north-1:123456789012:cluster/prod")
                .replace("taskDefinition: api:3", "taskDefinition: arn:aws-us-gov:ecs:us-gov-west-1:123456789012:task-definition/api:3"));
        assertThat(fixture.loadValid().taskGroups()).singleElement()
                .satisfies(group -> assertThat(group.task().cluster()).endsWith(":cluster/prod"));
    }

    @Test
    void rejectsSubnetAndSecurityGroupIdsOfTheWrongShape() {
        String yaml = GROUP.replace("subnets: [subnet-0123456789abcdef0]", "subnets: [subnet-0123456789abcdef0, subnet-12345]")
                .replace("securityGroups: [sg-0123456789abcdef0]", "securityGroups: [subnet-0123456789abcdef0]");
        assertThat(fixture.errorsOf(yaml)).containsExactly(
                "api.yaml:10:41 spec.network.subnets[1]: must be a subnet id: subnet- and 8 or 17 hex digits, such as"
                        + " subnet-0123456789abcdef0, not \"subnet-12345\"",
                "api.yaml:11:22 spec.network.securityGroups[0]: must be a security group id: sg- and 8 or 17 hex"
                        + " digits, such as sg-0123456789abcdef0, not \"subnet-0123456789abcdef0\"");
    }

    @Test
    void rejectsAnEmptySubnetListAndARepeatedSubnet() {
        assertThat(fixture.errorsOf(GROUP.replace("subnets: [subnet-0123456789abcdef0]", "subnets: []")))
                .containsExactly("api.yaml:10:14 spec.network.subnets: must list at least one subnet");
        assertThat(fixture.errorsOf(GROUP.replace("subnets: [subnet-0123456789abcdef0]",
                "subnets: [subnet-0123456789abcdef0, subnet-0123456789abcdef0]")))
                .containsExactly("api.yaml:10:41 spec.network.subnets[1]: subnet-0123456789abcdef0 is listed twice");
    }

    @Test
    void rejectsLaunchTypeTogetherWithACapacityProviderStrategy() {
        String yaml = GROUP + "  launchType: FARGATE\n  capacityProviderStrategy:\n    - capacityProvider: FARGATE_SPOT\n";
        assertThat(fixture.errorsOf(yaml)).containsExactly(
                "api.yaml:14:5 spec.capacityProviderStrategy: cannot be combined with launchType; give one of them");
    }

    @Test
    void rejectsFargateSpotAsLaunchTypeAndUnknownCapacityProviders() {
        assertThat(fixture.errorsOf(GROUP + "  launchType: FARGATE_SPOT\n")).containsExactly(
                "api.yaml:12:15 spec.launchType: must be FARGATE (for FARGATE_SPOT use capacityProviderStrategy), not"
                        + " FARGATE_SPOT");
        assertThat(fixture.errorsOf(GROUP + "  capacityProviderStrategy:\n    - capacityProvider: EC2\n")).containsExactly(
                "api.yaml:13:25 spec.capacityProviderStrategy[0].capacityProvider: must be FARGATE or FARGATE_SPOT,"
                        + " not EC2");
    }

    @Test
    void rejectsACapacityProviderStrategyWithoutAnyWeight() {
        String yaml = GROUP + "  capacityProviderStrategy:\n    - capacityProvider: FARGATE\n      weight: 0\n";
        assertThat(fixture.errorsOf(yaml)).containsExactly(
                "api.yaml:13:5 spec.capacityProviderStrategy: at least one capacity provider needs a weight above 0");
    }

    @Test
    void rejectsAPlatformVersionThatIsNotLatestOrANumber() {
        assertThat(fixture.errorsOf(GROUP + "  platformVersion: newest\n")).containsExactly(
                "api.yaml:12:20 spec.platformVersion: must be LATEST or a version such as 1.4.0, not newest");
    }

    @Test
    void rejectsATaskCpuFargateDoesNotOffer() {
        assertThat(fixture.errorsOf(GROUP + "  overrides:\n    cpu: 300\n")).containsExactly(
                "api.yaml:13:10 spec.overrides.cpu: must be one of the Fargate task sizes 256, 512, 1024, 2048, 4096,"
                        + " 8192, 16384 (cpu units), not 300");
    }

    @Test
    void rejectsTwoOverridesForTheSameContainer() {
        String yaml = GROUP + "  overrides:\n    containers:\n      - name: app\n      - name: app\n        memory: 0\n";
        assertThat(fixture.errorsOf(yaml)).containsExactly(
                "api.yaml:15:15 spec.overrides.containers[1].name: container app has overrides twice; merge them into"
                        + " one entry",
                "api.yaml:16:17 spec.overrides.containers[1].memory: must be at least 1 (MiB)");
    }

    @Test
    void rejectsTagKeysReservedForAwsAndForTheReconciler() {
        String yaml = GROUP + "  tags:\n    aws:team: a\n    fargate-reconciler/group: b\n";
        assertThat(fixture.errorsOf(yaml)).containsExactly(
                "api.yaml:13:5 spec.tags[\"aws:team\"]: tag keys starting with aws: are reserved by AWS",
                "api.yaml:14:5 spec.tags[\"fargate-reconciler/group\"]: tag keys starting with fargate-reconciler/ are"
                        + " set by the reconciler itself");
    }

    @Test
    void rejectsAClusterOutsideTheAllowList() {
        assertThat(fixture.write("api.yaml", GROUP).errors(allowing("staging", "batch"))).containsExactly(
                "api.yaml:7:12 spec.cluster: cluster prod is not in reconciler.desired-state.allowed-clusters (batch,"
                        + " staging); use one of those or ask the operators to allow it");
    }

    @Test
    void acceptsAClusterArnWhoseNameIsAllowed() {
        fixture.write("api.yaml", GROUP.replace("cluster: prod", "cluster: arn:aws:ecs:eu-west-1:123456789012:cluster/prod"));
        assertThat(fixture.load(allowing("prod"))).isInstanceOf(LoadResult.Valid.class);
    }
}
