package io.fargatereconciler.desired;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unknown fields, wrong types, missing fields and the document frame (apiVersion, kind, metadata). */
class DocumentStructureValidationTest {
    @TempDir
    Path folder;
    DesiredStateFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DesiredStateFixture(folder);
    }

    @Test
    void reportsUnknownSpecFieldAtItsKeyWithTheNearestKnownName() {
        assertThat(fixture.errorsOf(GROUP + "  enableExecCommand: true\n")).containsExactly(
                "api.yaml:12:3 spec.enableExecCommand: unknown field; did you mean 'enableExecuteCommand'?");
    }

    @Test
    void reportsUnknownTopLevelFieldListingTheKnownOnesWhenNoneIsNear() {
        assertThat(fixture.errorsOf(GROUP + "status: {}\n")).containsExactly(
                "api.yaml:12:1 status: unknown field (known here: apiVersion, kind, metadata, spec)");
    }

    @Test
    void reportsUnknownFieldsInNestedMappingsAndListItems() {
        String yaml = GROUP.replace("    securityGroups: [sg-0123456789abcdef0]\n",
                "    securityGroups: [sg-0123456789abcdef0]\n    publicIp: true\n")
                + "  capacityProviderStrategy:\n    - capacityProvider: FARGATE\n      wieght: 2\n";
        assertThat(fixture.errorsOf(yaml)).containsExactly(
                "api.yaml:12:5 spec.network.publicIp: unknown field; did you mean 'assignPublicIp'?",
                "api.yaml:15:7 spec.capacityProviderStrategy[0].wieght: unknown field; did you mean 'weight'?");
    }

    @Test
    void reportsTextWhereANumberBelongs() {
        assertThat(fixture.errorsOf(GROUP.replace("replicas: 2", "replicas: two"))).containsExactly(
                "api.yaml:6:13 spec.replicas: must be a whole number, not two");
    }

    @Test
    void reportsAQuotedNumberAsText() {
        assertThat(fixture.errorsOf(GROUP.replace("replicas: 2", "replicas: \"2\""))).containsExactly(
                "api.yaml:6:13 spec.replicas: must be a whole number, not \"2\"");
    }

    @Test
    void reportsYesWhereABooleanBelongs() {
        assertThat(fixture.errorsOf(GROUP + "  enableExecuteCommand: yes\n")).containsExactly(
                "api.yaml:12:25 spec.enableExecuteCommand: must be true or false, not yes");
    }

    @Test
    void reportsAListWhereAMappingBelongs() {
        assertThat(fixture.errorsOf(GROUP + "  tags: [a, b]\n")).containsExactly(
                "api.yaml:12:9 spec.tags: must be a mapping (key: value lines), not a list");
    }

    @Test
    void reportsAMappingWhereTextBelongs() {
        assertThat(fixture.errorsOf(GROUP.replace("cluster: prod", "cluster: {name: prod}"))).containsExactly(
                "api.yaml:7:12 spec.cluster: must be a text value, not a mapping");
    }

    @Test
    void reportsMissingRequiredFieldsAtTheMappingThatLacksThem() {
        String yaml = GROUP.replace("  replicas: 2\n", "").replace("  cluster: prod\n", "")
                .replace("    subnets: [subnet-0123456789abcdef0]\n", "");
        assertThat(fixture.errorsOf(yaml)).containsExactly(
                "api.yaml:5:1 spec.replicas: is required",
                "api.yaml:5:1 spec.cluster: is required",
                "api.yaml:7:3 spec.network.subnets: is required");
    }

    @Test
    void reportsMissingFrameFields() {
        assertThat(fixture.errorsOf("metadata:\n  labels: {team: a}\n")).containsExactly(
                "api.yaml:1:1 apiVersion: is required",
                "api.yaml:1:1 kind: is required",
                "api.yaml:1:1 metadata.name: is required",
                "api.yaml:1:1 spec: is required");
    }

    @Test
    void treatsAnExplicitNullAsAbsent() {
        assertThat(fixture.errorsOf(GROUP.replace("cluster: prod", "cluster: ~"))).containsExactly(
                "api.yaml:5:1 spec.cluster: is required");
    }

    @Test
    void rejectsAnotherApiVersion() {
        assertThat(fixture.errorsOf(GROUP.replace("fargate-reconciler.io/v1alpha1", "apps/v1"))).containsExactly(
                "api.yaml:1:13 apiVersion: must be fargate-reconciler.io/v1alpha1, not apps/v1");
    }

    @Test
    void rejectsAnUnknownKindSuggestingTheNearestOne() {
        assertThat(fixture.errorsOf(GROUP.replace("kind: TaskGroup", "kind: Taskgroup"))).containsExactly(
                "api.yaml:2:7 kind: must be one of TaskGroup, Job, Team, not Taskgroup; did you mean 'TaskGroup'?");
    }

    @Test
    void rejectsANameThatIsNotADnsLabel() {
        assertThat(fixture.errorsOf(GROUP.replace("name: api", "name: Payments_API"))).containsExactly(
                "api.yaml:4:9 metadata.name: must be 1 to 63 lower-case letters, digits and '-', starting and"
                        + " ending with a letter or digit, not Payments_API");
    }

    @Test
    void rejectsADocumentThatIsNotAMapping() {
        assertThat(fixture.errorsOf("- just\n- a list\n")).containsExactly(
                "api.yaml:1:1: a desired-state document must be a mapping with apiVersion, kind, metadata and"
                        + " spec, not a list");
    }

    @Test
    void rejectsADuplicateKeyNamingTheFirst() {
        assertThat(fixture.errorsOf(GROUP + "  replicas: 3\n")).containsExactly(
                "api.yaml:12:3: duplicate key 'replicas' (first at line 6); remove one of them");
    }

    @Test
    void reportsYamlSyntaxErrorsAtTheirPosition() {
        assertThat(fixture.errorsOf(GROUP + "  tags: {team: a\n")).singleElement().asString()
                .startsWith("api.yaml:13:1: YAML syntax error:");
    }

    @Test
    void reportsTheErrorsOfEveryDocumentAtOnce() {
        String yaml = GROUP.replace("replicas: 2", "replicas: -2") + "---\n"
                + GROUP.replace("name: api", "name: worker").replace("cluster: prod", "cluster: pr/od");
        assertThat(fixture.errorsOf(yaml)).containsExactly(
                "api.yaml:6:13 spec.replicas: must not be negative, not -2",
                "api.yaml:19:12 spec.cluster: must be a cluster name (letters, digits, - and _, up to 255) or a"
                        + " cluster ARN such as arn:aws:ecs:eu-west-1:123456789012:cluster/prod, not \"pr/od\"");
    }

    @Test
    void skipsEmptyDocuments() {
        DesiredState state = fixture.write("api.yaml", "---\n" + GROUP + "---\n---\n").loadValid();
        assertThat(state.resources()).containsOnlyKeys(ResourceKey.taskGroup("api"));
    }
}
