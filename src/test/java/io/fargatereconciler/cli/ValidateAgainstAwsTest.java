package io.fargatereconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.DesiredStateFixture;
import io.fargatereconciler.sim.FargateSimulator;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.VirtualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --against-aws} on the simulator seeded with the example's world: it names what the desired state
 * refers to but the account lacks, at the place it is written, and calls nothing but describe calls.
 */
class ValidateAgainstAwsTest {
    private final FargateSimulator simulator = FargateSimulator.start(SimulatorConfig.devExample(),
            VirtualClock.create());
    @TempDir
    Path folder;
    DesiredStateFixture fixture;
    CommandConsole console = new CommandConsole();

    @BeforeEach
    void copyTheExample() throws IOException {
        fixture = new DesiredStateFixture(folder);
        try (Stream<Path> files = Files.walk(Path.of("desired-state"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                fixture.write(Path.of("desired-state").relativize(file).toString(), Files.readString(file));
            }
        }
        System.setProperty("aws.accessKeyId", "simulator");
        System.setProperty("aws.secretAccessKey", "simulator");
    }

    @AfterEach
    void close() {
        simulator.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void findsEverythingTheExampleNamesInItsWorld() {
        assertThat(validate()).as(out()).isEqualTo(ValidateCommand.VALID);
        assertThat(simulator.admin().apiCalls().calls("ecs:DescribeClusters")).isEqualTo(1);
        assertThat(simulator.admin().apiCalls().calls("iam:GetRole")).isEqualTo(3);
    }

    @Test
    void namesAMissingSubnetAndAMissingTaskDefinitionRevisionWhereTheyAreWritten() throws IOException {
        String api = Files.readString(folder.resolve("team-payments/api.yaml"));
        fixture.write("team-payments/api.yaml", api.replace("payments-api:42", "payments-api:43")
                .replace("      - subnet-0c3d4e5f607182930\n", "      - subnet-0c3d4e5f60718dead\n"));
        fixture.write("teams.yaml", Files.readString(folder.resolve("teams.yaml"))
                .replace("subnet-0c3d4e5f607182930]", "subnet-0c3d4e5f607182930, subnet-0c3d4e5f60718dead]"));

        assertThat(validate()).isEqualTo(ValidateCommand.INVALID);

        assertThat(out().lines()).contains(
                folder + "/team-payments/api.yaml:16:19 spec.taskDefinition: task definition payments-api:43 does not"
                        + " exist (ECS DescribeTaskDefinition): register that revision or name one that exists",
                folder + "/team-payments/api.yaml:28:9 spec.network.subnets[2]: subnet subnet-0c3d4e5f60718dead does"
                        + " not exist in the account and region (EC2 DescribeSubnets)");
        assertThat(out()).contains("/teams.yaml:16:").contains("spec.subnets[3]: subnet subnet-0c3d4e5f60718dead");
        assertThat(simulator.admin().apiCalls().calls("ecs:RunTask")).isZero();
    }

    @Test
    void namesARoleThatDoesNotExistAndATaskDefinitionPassingARoleItsTeamMayNotPass() throws IOException {
        fixture.write("teams.yaml", Files.readString(folder.resolve("teams.yaml"))
                .replace("    - arn:aws:iam::123456789012:role/ledger-export-task\n",
                        "    - arn:aws:iam::123456789012:role/ledger-exporter\n"));

        assertThat(validate()).isEqualTo(ValidateCommand.INVALID);

        assertThat(out()).contains("spec.passRoles[0]: role arn:aws:iam::123456789012:role/ledger-exporter does not"
                + " exist in the account (IAM GetRole)");
        assertThat(out()).contains("/team-data/nightly-export.yaml:19:19 spec.taskDefinition: task definition"
                + " arn:aws:ecs:eu-west-1:123456789012:task-definition/ledger-export:7 passes role"
                + " arn:aws:iam::123456789012:role/ledger-export-task, which team data may not pass");
    }

    @Test
    void namesTheCallThatCouldNotBeMadeWhenTheAccountCannotBeReached() {
        int status = console.run("validate", List.of("--against-aws", "--endpoint-url", "http://127.0.0.1:9",
                "--region", "eu-west-1", folder.toString()));

        assertThat(status).isEqualTo(ValidateCommand.INVALID);
        assertThat(out()).contains("could not check the 2 values of its kind (the first is here): ECS DescribeClusters"
                + " failed").contains("The check needs ec2:DescribeSecurityGroups");
    }

    @Test
    void takesEndpointAndRegionOnlyWithAgainstAws() {
        assertThat(console.run("validate", List.of("--region", "eu-west-1", folder.toString())))
                .isEqualTo(ValidateCommand.USAGE_ERROR);
        assertThat(console.err()).contains("--endpoint-url and --region go with --against-aws");
    }

    private int validate() {
        List<String> args = new ArrayList<>(List.of("--against-aws", "--endpoint-url",
                simulator.endpoint().toString(), "--region", "eu-west-1", folder.toString()));
        return console.run("validate", args);
    }

    private String out() {
        return console.out();
    }
}
