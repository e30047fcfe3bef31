package io.fargatereconciler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

class ReconcilerStackTemplateTest {
    private static final Path TEMPLATE = Path.of("deploy/cloudformation/reconciler.yaml");

    private static CloudFormationTemplate template;
    private static Properties application;

    @BeforeAll
    static void read() throws IOException {
        template = CloudFormationTemplate.read(TEMPLATE);
        application = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            application.load(in);
        }
    }

    @Test
    void everyReferenceResolvesToAParameterResourceConditionOrPseudoParameter() {
        Set<String> parameters = template.section("Parameters").keySet();
        Set<String> resources = template.section("Resources").keySet();
        Set<String> conditions = template.section("Conditions").keySet();

        assertThat(template.references()).isNotEmpty().allSatisfy(reference -> {
            switch (reference.kind()) {
                case "Ref", "Sub" -> assertThat(reference.target())
                        .as("%s %s at %s", reference.kind(), reference.target(), reference.where())
                        .satisfiesAnyOf(
                                target -> assertThat(parameters).contains(target),
                                target -> assertThat(resources).contains(target),
                                target -> assertThat(target).startsWith("AWS::"));
                case "GetAtt", "DependsOn" -> assertThat(resources)
                        .as("%s %s at %s", reference.kind(), reference.target(), reference.where())
                        .contains(reference.target());
                case "Condition" -> assertThat(conditions)
                        .as("condition %s at %s", reference.target(), reference.where())
                        .contains(reference.target());
                default -> throw new AssertionError("unexpected reference kind " + reference);
            }
        });
    }

    @Test
    void everyParameterIsUsed() {
        Set<String> referenced = template.references().stream()
                .map(CloudFormationTemplate.Reference::target).collect(java.util.stream.Collectors.toSet());
        assertThat(template.section("Parameters").keySet()).allSatisfy(parameter ->
                assertThat(referenced).as("parameter %s is declared but never used", parameter).contains(parameter));
    }

    @Test
    void loadBalancerHealthCheckUsesTheApplicationsReadinessPath() {
        Node targetGroup = template.section("Resources").get("TargetGroup");
        String root = application.getProperty("quarkus.http.non-application-root-path", "q");
        String health = application.getProperty("quarkus.smallrye-health.root-path", "health");
        String readiness = application.getProperty("quarkus.smallrye-health.readiness-path", "ready");

        assertThat(CloudFormationTemplate.scalarAt(targetGroup, "Properties.HealthCheckPath"))
                .contains("/" + root + "/" + health + "/" + readiness);
        assertThat(CloudFormationTemplate.scalarAt(targetGroup, "Properties.Port"))
                .contains(application.getProperty("quarkus.http.port", "8080"));
    }

    @Test
    void containerStopTimeoutCoversTheGracefulShutdownAndDrainFitsTheHealthCheck() {
        Node container = firstContainer();
        int stopTimeoutSeconds = Integer.parseInt(CloudFormationTemplate.scalarAt(container, "StopTimeout").orElseThrow());
        Duration delay = Duration.parse("PT" + application.getProperty("quarkus.shutdown.delay").toUpperCase());
        Duration timeout = Duration.parse("PT" + application.getProperty("quarkus.shutdown.timeout").toUpperCase());

        assertThat(application.getProperty("quarkus.shutdown.delay-enabled")).isEqualTo("true");
        assertThat(delay.plus(timeout)).isLessThan(Duration.ofSeconds(stopTimeoutSeconds));

        Node targetGroup = template.section("Resources").get("TargetGroup");
        int interval = Integer.parseInt(CloudFormationTemplate.scalarAt(targetGroup, "Properties.HealthCheckIntervalSeconds").orElseThrow());
        assertThat(Duration.ofSeconds(interval))
                .as("the load balancer must see readiness DOWN at least once during the shutdown delay")
                .isLessThanOrEqualTo(delay);
    }

    @Test
    void serviceRunsTwoReplicasWithCircuitBreakerAndGracePeriod() {
        Node service = template.section("Resources").get("Service");
        assertThat(CloudFormationTemplate.scalarAt(template.section("Parameters").get("ReplicaCount"), "Default")).contains("2");
        assertThat(CloudFormationTemplate.scalarAt(service, "Properties.LaunchType")).contains("FARGATE");
        assertThat(CloudFormationTemplate.scalarAt(service, "Properties.DeploymentConfiguration.DeploymentCircuitBreaker.Enable")).contains("true");
        assertThat(CloudFormationTemplate.scalarAt(service, "Properties.HealthCheckGracePeriodSeconds")).isPresent();
        assertThat(CloudFormationTemplate.scalarAt(service, "Properties.DeploymentConfiguration.MinimumHealthyPercent")).contains("100");
    }

    @Test
    void containerEnvironmentNamesOnlyDocumentedConfiguration() throws IOException {
        String configurationDoc = Files.readString(Path.of("docs/configuration.md"));
        SequenceNode environment = (SequenceNode) CloudFormationTemplate.at(firstContainer(), "Environment").orElseThrow();
        List<String> names = environment.getValue().stream()
                .map(entry -> CloudFormationTemplate.scalarAt(entry, "Name").orElseThrow()).toList();

        assertThat(names).contains("RECONCILER_DESIRED_STATE_PATH").allSatisfy(name ->
                assertThat(configurationDoc).as("docs/configuration.md documents %s", name).contains(name));
    }

    @Test
    void theTestEniPermissionsComeOnlyWithTheTestEniSwitch() throws IOException {
        String yaml = Files.readString(Path.of("deploy/cloudformation/reconciler.yaml"));
        int policy = yaml.indexOf("PolicyName: test-eni-diagnosis");
        assertThat(policy).as("a policy of its own").isPositive();
        assertThat(yaml.substring(yaml.lastIndexOf("!If", policy), policy)).contains("TestEniDiagnosisOn");
        assertThat(yaml.indexOf("ec2:CreateNetworkInterface")).as("granted only in that policy").isGreaterThan(policy);
        assertThat(yaml).contains("aws:RequestTag/fargate-reconciler/test-eni", "aws:ResourceTag/fargate-reconciler/test-eni",
                "ec2:CreateAction: CreateNetworkInterface");
        SequenceNode environment = (SequenceNode) CloudFormationTemplate.at(firstContainer(), "Environment").orElseThrow();
        assertThat(environment.getValue()).anySatisfy(entry -> {
            assertThat(CloudFormationTemplate.scalarAt(entry, "Name")).contains("RECONCILER_DIAGNOSTICS_TEST_ENI");
            assertThat(CloudFormationTemplate.at(entry, "Value")).isPresent();
        });
    }

    @Test
    void eventRuleSendsEcsTaskStateChangesToTheQueueThatHasADeadLetterQueue() {
        Map<String, Node> resources = template.section("Resources");
        Node rule = resources.get("TaskStateChangeRule");
        assertThat(CloudFormationTemplate.at(rule, "Properties.EventPattern.detail-type").map(CloudFormationTemplate::firstScalar))
                .contains("ECS Task State Change");
        assertThat(CloudFormationTemplate.at(resources.get("EventsQueue"), "Properties.RedrivePolicy.deadLetterTargetArn")).isPresent();
    }

    @Test
    void dockerImageRunsAsNonRootWithALivenessHealthcheckOnTheFastJar() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertThat(user.find()).as("Dockerfile sets a USER").isTrue();
        assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n?.*CMD .*/q/health/live");
        assertThat(dockerfile).contains("target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/");
        assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT .*quarkus-run\\.jar");
        assertThat(dockerfile.indexOf("USER 10001")).isLessThan(dockerfile.indexOf("ENTRYPOINT"));
    }

    @Test
    void dockerImageCarriesNoExampleDesiredStateSoAFirstDeployLaunchesNothingOfTheDemo() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertThat(dockerfile).doesNotContainPattern("(?m)^(COPY|ADD)\\s.*desired-state");
        assertThat(CloudFormationTemplate.child(template.section("Parameters").get("DesiredStatePath"), "Default"))
                .as("the stack asks where the desired state is").isEmpty();
    }

    @Test
    void setsTheClusterAllowListFromTheManagedClusters() {
        String payments = "arn:aws:ecs:eu-west-1:123456789012:cluster/payments-prod";
        String data = "arn:aws:ecs:eu-west-1:123456789012:cluster/data-batch";
        StackEvaluation stack = new StackEvaluation(template, Map.of("ManagedClusterArns", payments + "," + data,
                "VpcId", "vpc-1", "LoadBalancerSubnetIds", "subnet-1", "ServiceSubnetIds", "subnet-2", "Image", "i",
                "DesiredStatePath", "s3://b/p/", "ManagedTaskDefinitionArns", "t", "ManagedPassRoleArns", "r"),
                Map.of(), Map.of());
        SequenceNode environment = (SequenceNode) CloudFormationTemplate.at(firstContainer(), "Environment").orElseThrow();
        Node allowList = environment.getValue().stream().filter(variable -> CloudFormationTemplate
                .scalarAt(variable, "Name").orElseThrow().equals("RECONCILER_DESIRED_STATE_ALLOWED_CLUSTERS"))
                .findFirst().orElseThrow();

        assertThat(stack.evaluate(CloudFormationTemplate.at(allowList, "Value").orElseThrow()))
                .isEqualTo(payments + "," + data);
    }

    @Test
    void saysWhatHappensToTheTableQueuesAndLogGroupOnDeletionAndReplacement() {
        Map<String, Node> resources = template.section("Resources");
        for (String stateful : List.of("LeaseTable", "EventsQueue", "EventsDeadLetterQueue", "LogGroup")) {
            assertThat(CloudFormationTemplate.scalarAt(resources.get(stateful), "DeletionPolicy")).as(stateful)
                    .isPresent();
            assertThat(CloudFormationTemplate.scalarAt(resources.get(stateful), "UpdateReplacePolicy")).as(stateful)
                    .isPresent();
        }
        assertThat(CloudFormationTemplate.scalarAt(resources.get("LeaseTable"), "DeletionPolicy")).contains("Retain");
        assertThat(CloudFormationTemplate.scalarAt(resources.get("LogGroup"), "DeletionPolicy")).contains("Retain");
    }

    private static Node firstContainer() {
        Node taskDefinition = template.section("Resources").get("TaskDefinition");
        SequenceNode containers = (SequenceNode) CloudFormationTemplate.at(taskDefinition, "Properties.ContainerDefinitions").orElseThrow();
        return containers.getValue().get(0);
    }
}
