package io.fargatereconciler.cli;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static io.fargatereconciler.desired.DesiredStateFixture.JOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fargatereconciler.aws.AccountInventory;
import io.fargatereconciler.desired.DesiredStateFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} as a pull-request pipeline runs it: what it prints and its exit status. */
class ValidateCommandTest {
    @TempDir
    Path folder;
    DesiredStateFixture fixture;
    CommandConsole console = new CommandConsole();

    @BeforeEach
    void setUp() {
        fixture = new DesiredStateFixture(folder);
    }

    @Test
    void acceptsTheShippedExamplesAndListsTheirResources() {
        assertThat(validate("desired-state/")).isEqualTo(ValidateCommand.VALID);
        assertThat(out()).startsWith("desired-state: valid, 3 resources in 3 files (revision ")
                .contains("  team data (team-data/): revision ").contains("  team payments (team-payments/): revision ")
                .contains("  TaskGroup/payments-api  desired-state/team-payments/api.yaml:3:1\n")
                .contains("  Job/nightly-export  desired-state/team-data/nightly-export.yaml:3:1\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void printsEveryErrorOfThreeBrokenFilesAndExitsOne() {
        fixture.write("team-a/api.yaml", GROUP.replace("replicas: 2", "replicas: -1"))
                .write("team-b/export.yaml", JOB + "  schedule: \"every night\"\n")
                .write("team-c/worker.yaml", GROUP.replace("name: api", "name: worker").replace("cluster: prod", "cluster:")
                        + "  launchtype: FARGATE\n");
        assertThat(validate(folder.toString())).isEqualTo(ValidateCommand.INVALID);
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo(folder + "/team-a/api.yaml:6:13 spec.replicas: must not be negative, not -1");
        assertThat(lines.get(1)).startsWith(folder + "/team-b/export.yaml:11:13 spec.schedule: is not a 5-field cron");
        assertThat(lines.get(2)).isEqualTo(folder + "/team-c/worker.yaml:5:1 spec.cluster: is required");
        assertThat(lines.get(3)).isEqualTo(folder + "/team-c/worker.yaml:12:3 spec.launchtype: unknown field; did you"
                + " mean 'launchType'?");
        assertThat(lines.get(4)).isEqualTo(folder + ": 4 errors in 3 files; the daemon would refuse this desired state"
                + " and keep its last good one");
    }

    @Test
    void printsOneJsonObjectForMachines() throws Exception {
        fixture.write("api.yaml", GROUP.replace("replicas: 2", "replicas: -1"));
        assertThat(validate("--output", "json", folder.toString())).isEqualTo(ValidateCommand.INVALID);
        JsonNode report = new ObjectMapper().readTree(out());
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("files").asInt()).isEqualTo(1);
        JsonNode error = report.get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo(folder + "/api.yaml");
        assertThat(error.get("line").asInt()).isEqualTo(6);
        assertThat(error.get("column").asInt()).isEqualTo(13);
        assertThat(error.get("field").asText()).isEqualTo("spec.replicas");
        assertThat(error.get("message").asText()).isEqualTo("must not be negative, not -1");
    }

    @Test
    void reportsAValidFolderAsJson() throws Exception {
        fixture.write("api.yaml", GROUP);
        assertThat(validate("--output=json", folder.toString())).isEqualTo(ValidateCommand.VALID);
        JsonNode report = new ObjectMapper().readTree(out());
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("revision").asText()).hasSize(12);
        assertThat(report.get("resources").get(0).get("kind").asText()).isEqualTo("TaskGroup");
        assertThat(report.get("resources").get(0).get("name").asText()).isEqualTo("api");
        assertThat(report.get("errors")).isEmpty();
    }

    @Test
    void appliesTheAllowedClustersGiven() {
        fixture.write("api.yaml", GROUP);
        assertThat(validate("--allowed-clusters", "staging, batch", folder.toString())).isEqualTo(ValidateCommand.INVALID);
        assertThat(out()).contains("spec.cluster: cluster prod is not in reconciler.desired-state.allowed-clusters");
        assertThat(validate("--allowed-clusters", "staging,prod", folder.toString())).isEqualTo(ValidateCommand.VALID);
    }

    @Test
    void appliesTheMaximumFileSizeGiven() {
        fixture.write("api.yaml", GROUP);
        assertThat(validate("--max-file-bytes", "50", folder.toString())).isEqualTo(ValidateCommand.INVALID);
        assertThat(out()).contains("over the limit of 50 bytes");
    }

    @Test
    void exitsTwoOnUsageErrorsNamingTheProblemAboveTheUsage() {
        assertUsageError(new String[] {}, "name the desired-state folder, e.g. desired-state/");
        assertUsageError(new String[] {"--output", "yaml", "desired-state"}, "--output must be text or json, not yaml");
        assertUsageError(new String[] {"--colour", "desired-state"}, "unknown option --colour");
        assertUsageError(new String[] {"desired-state", "other"}, "give one FOLDER, not desired-state and other");
        assertUsageError(new String[] {"--max-file-bytes", "lots", "desired-state"},
                "--max-file-bytes must be a positive whole number of bytes, not lots");
        assertUsageError(new String[] {"--output"}, "--output needs a value");
    }

    private void assertUsageError(String[] args, String problem) {
        assertThat(validate(args)).as(String.join(" ", args)).isEqualTo(ValidateCommand.USAGE_ERROR);
        assertThat(err()).startsWith("validate: " + problem + "\nUsage: fargate-reconciler validate ");
        assertThat(out()).isEmpty();
    }

    @Test
    void exitsTwoWhenTheFolderDoesNotExist() {
        assertThat(validate(folder.resolve("missing").toString())).isEqualTo(ValidateCommand.USAGE_ERROR);
        assertThat(err()).isEqualTo("validate: " + folder.resolve("missing")
                + " is not a folder; name the desired-state folder\n");
    }

    @Test
    void showsHelpListingItsOptionsAndExitStatus() {
        assertThat(validate("--help")).isEqualTo(ValidateCommand.VALID);
        assertThat(out()).startsWith("Usage: fargate-reconciler validate [-h] [--output=text|json]")
                .contains("--allowed-clusters=NAME,...", "--max-file-bytes=N", "--against-aws", "--endpoint-url=URL",
                        "--region=REGION", "FOLDER", "Exit status:", "2   usage error")
                .contains(AccountInventory.ACTIONS.stream().map(action -> "\n  " + action + "\n").toList());
        assertThat(err()).isEmpty();
    }

    private int validate(String... args) {
        return console.run("validate", List.of(args));
    }

    private String out() {
        return console.out();
    }

    private String err() {
        return console.err();
    }
}
