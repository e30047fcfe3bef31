package io.fargatereconciler.desired;

import static io.fargatereconciler.desired.TeamsFixture.DATA_EXPORT;
import static io.fargatereconciler.desired.TeamsFixture.PAYMENTS_API;
import static io.fargatereconciler.desired.TeamsFixture.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Team documents: which files are whose, what a team may use, and that one team's errors hold back only that team. */
class TeamsLoadingTest {
    @TempDir
    Path folder;
    DesiredStateFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DesiredStateFixture(folder);
        TeamsFixture.twoTeams(fixture);
    }

    @Test
    void givesEachTeamItsFilesAndRevision() {
        DesiredState state = fixture.loadValid();

        assertThat(state.teams()).containsOnlyKeys("payments", "data");
        assertThat(state.teams().get("payments").resources()).containsExactly(ResourceKey.taskGroup("payments-api"));
        assertThat(state.teams().get("data").resources()).containsExactly(ResourceKey.taskGroup("ledger-export"));
        assertThat(state.teamOf(ResourceKey.taskGroup("payments-api"))).contains("payments");
        assertThat(state.teams().get("payments").revision()).hasSize(12);
        assertThat(state.complete()).isTrue();
    }

    @Test
    void refusesAResourceOfTeamANamingTeamBsClusterAtItsLineWithTheRuleBroken() {
        fixture.write("team-payments/api.yaml", PAYMENTS_API.replace("cluster: payments-prod", "cluster: data-batch"));

        LoadResult result = fixture.load();

        assertThat(result).isInstanceOf(LoadResult.PartlyValid.class);
        assertThat(relative(result.errors())).containsExactly("team-payments/api.yaml:7:12 spec.cluster: cluster"
                + " data-batch is outside team payments's allowance (spec.clusters of Team/payments at teams.yaml:1:1): it allows payments-prod; use one of those, or ask the platform team to allow it"
                + " in the Team document");
    }

    @Test
    void refusesEveryValueOutsideTheAllowanceAndTheQuotas() {
        fixture.write("team-payments/api.yaml", PAYMENTS_API.replace("payments-api:42", "ledger-export:7")
                .replace("subnet-0b2c3d4e5f6071829", "subnet-0d4e5f60718293a4b")
                .replace("sg-0123456789abcdef0", "sg-0fedcba9876543210").replace("replicas: 3", "replicas: 6")
                + "  notifications:\n    topicArn: arn:aws:sns:eu-west-1:123456789012:data-oncall\n");

        List<String> errors = relative(fixture.load().errors());

        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).startsWith("team-payments/api.yaml:6:13 spec.replicas: replicas 6 is over team"
                + " payments's quota of 5 per TaskGroup (spec.quotas.maxReplicasPerGroup of Team/payments at ");
        assertThat(errors.get(1)).startsWith("team-payments/api.yaml:8:19 spec.taskDefinition: task definition family"
                + " ledger-export is outside team payments's allowance (spec.taskDefinitionFamilies");
        assertThat(errors.get(2)).startsWith("team-payments/api.yaml:10:41 spec.network.subnets[1]: subnet"
                + " subnet-0d4e5f60718293a4b is outside team payments's allowance (spec.subnets");
        assertThat(errors.get(3)).startsWith("team-payments/api.yaml:11:22 spec.network.securityGroups[0]: security"
                + " group sg-0fedcba9876543210 is outside");
        assertThat(errors.get(4)).startsWith("team-payments/api.yaml:13:15 spec.notifications.topicArn: topic"
                + " arn:aws:sns:eu-west-1:123456789012:data-oncall is outside team payments's allowance (spec.topics");
    }

    @Test
    void refusesTheResourceThatTakesATeamOverItsTaskQuota() {
        fixture.write("team-payments/more.yaml", PAYMENTS_API.replace("name: payments-api", "name: payments-worker")
                .replace("replicas: 3", "replicas: 5"));
        assertThat(fixture.load()).as("3 + 5 tasks: at the quota of 8").isInstanceOf(LoadResult.Valid.class);

        fixture.write("team-payments/zz-job.yaml", DesiredStateFixture.JOB.replace("cluster: prod",
                "cluster: payments-prod").replace("export:1", "payments-api:42")
                .replace("subnet-0123456789abcdef0", "subnet-0a1b2c3d4e5f60718"));

        assertThat(relative(fixture.load().errors())).singleElement().asString().startsWith(
                "team-payments/zz-job.yaml:4:9 metadata.name: brings team payments to 9 declared tasks (TaskGroups'"
                        + " replicas plus one per Job, in file order), over its quota of 8 (spec.quotas.maxTasks of"
                        + " Team/payments at ");
    }

    @Test
    void refusesATeamDocumentInATeamsOwnFolderSoATeamCannotWidenItsAllowance() {
        fixture.write("team-data/more-room.yaml", TEAMS.substring(TEAMS.indexOf("apiVersion", 10))
                .replace("[data-batch]", "[data-batch, payments-prod]"));
        fixture.write("team-data/export.yaml", DATA_EXPORT.replace("cluster: data-batch", "cluster: payments-prod"));

        LoadResult result = fixture.load();

        assertThat(relative(result.errors())).anySatisfy(error -> assertThat(error).startsWith(
                "team-data/more-room.yaml:4:9 metadata.name: Team documents belong to the platform"))
                .anySatisfy(error -> assertThat(error).startsWith("team-data/export.yaml:7:12 spec.cluster: cluster"
                        + " payments-prod is outside team data's allowance"));
        assertThat(((LoadResult.PartlyValid) result).inForce().state().teams().get("data").heldBack()).isTrue();
    }

    @Test
    void countsTeamDocumentsOnlyAtTheTopSoNoneInAFolderCanTakeAnotherTeamsFiles() {
        fixture.write("shared/intruder.yaml", TEAMS.substring(0, TEAMS.indexOf("---")).replace("name: payments",
                "name: intruder").replace("folders: [team-payments]", "folders: [team-data]"));

        LoadResult result = fixture.load();

        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(relative(result.errors())).containsExactly("shared/intruder.yaml:4:9 metadata.name: Team documents"
                + " count only in files at the top of the desired-state folder (such as teams.yaml), which teams"
                + " cannot write; move it there");
    }

    @Test
    void refusesTheWholeReadWhenAResourceIsOutsideEveryTeamsFolder() {
        fixture.write("stray.yaml", DesiredStateFixture.GROUP);

        LoadResult result = fixture.load();

        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(relative(result.errors())).containsExactly("stray.yaml:4:9 metadata.name: TaskGroup/api is outside"
                + " every team's folder; with Team documents every TaskGroup and Job belongs to a team: move it into a"
                + " team's folder (team-data/ (data), team-payments/ (payments))");
    }

    @Test
    void refusesTheWholeReadWhenATeamDocumentIsBrokenNamingEachField() {
        fixture.write("teams.yaml", TEAMS.replace("folders: [team-payments]", "folders: [../elsewhere]")
                .replace("arn:aws:iam::123456789012:role/payments-api-task", "arn:aws:iam:eu-west-1:123456789012:role/x")
                .replace("  taskDefinitionFamilies: [ledger-export]\n", ""));

        LoadResult result = fixture.load();

        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(relative(result.errors())).containsExactly(
                "teams.yaml:6:13 spec.folders[0]: must be a relative folder path without empty, '.', '..' or hidden"
                        + " parts (files there are never read), not \"../elsewhere\"",
                "teams.yaml:12:15 spec.passRoles[0]: malformed ARN (IAM ARNs have no region, not \"eu-west-1\");"
                        + " expected the shape of arn:aws:iam::123456789012:role/api-task",
                "teams.yaml:21:1 spec.taskDefinitionFamilies: is required");
    }

    @Test
    void refusesTheWholeReadWhenTwoTeamsClaimOneFolder() {
        fixture.write("teams.yaml", TEAMS.replace("folders: [team-data]", "folders: [team-data, team-payments/data]"));

        LoadResult result = fixture.load();

        assertThat(result).isInstanceOf(LoadResult.Invalid.class);
        assertThat(relative(result.errors())).singleElement().asString().isEqualTo("teams.yaml:1:1 spec.folders:"
                + " folder team-payments of team payments overlaps folder team-payments/data of team data"
                + " (teams.yaml:17:1); every file belongs to one team: give each team folders of its own");
    }

    @Test
    void holdsBackOnlyTheBrokenTeamAtItsLastGoodStateAndTakesTheOtherTeamsChange() {
        DesiredState before = fixture.loadValid();
        fixture.write("team-payments/api.yaml", PAYMENTS_API.replace("replicas: 3", "replicas: lots"));
        fixture.write("team-data/export.yaml", DATA_EXPORT.replace("replicas: 1", "replicas: 2"));

        LoadResult result = fixture.loader().load(fixture.snapshot(), before);

        assertThat(result).isInstanceOf(LoadResult.PartlyValid.class);
        DesiredState inForce = ((LoadResult.PartlyValid) result).inForce().state();
        assertThat(((TaskGroup) inForce.get(ResourceKey.taskGroup("ledger-export")).orElseThrow()).replicas())
                .as("team data's change").isEqualTo(2);
        assertThat(((TaskGroup) inForce.get(ResourceKey.taskGroup("payments-api")).orElseThrow()).replicas())
                .as("team payments at its last good state").isEqualTo(3);
        TeamVersion payments = inForce.teams().get("payments");
        assertThat(payments.heldBack()).isTrue();
        assertThat(payments.revision()).isEqualTo(before.teams().get("payments").revision());
        assertThat(payments.refusedRevision()).isNotEqualTo(payments.revision());
        assertThat(inForce.teams().get("data").heldBack()).isFalse();
        assertThat(inForce.teams().get("data").revision()).isNotEqualTo(before.teams().get("data").revision());
        assertThat(inForce.complete()).isFalse();
        assertThat(relative(result.errors())).singleElement().asString()
                .startsWith("team-payments/api.yaml:6:13 spec.replicas: must be a whole number");
    }

    @Test
    void keepsANameWithTheTeamThatHasItInForceWhenAnotherTeamTakesIt() {
        DesiredState before = fixture.loadValid();
        fixture.write("team-data/export.yaml", DATA_EXPORT.replace("name: ledger-export", "name: payments-api"));

        LoadResult result = fixture.loader().load(fixture.snapshot(), before);

        assertThat(relative(result.errors())).singleElement().asString().isEqualTo("team-data/export.yaml:4:9"
                + " metadata.name: TaskGroup name 'payments-api' is also used by team payments ("
                + "team-payments/api.yaml:4:9); names must be unique across all teams");
        DesiredState inForce = ((LoadResult.PartlyValid) result).inForce().state();
        assertThat(inForce.teamOf(ResourceKey.taskGroup("payments-api"))).contains("payments");
        assertThat(inForce.get(ResourceKey.taskGroup("ledger-export"))).as("data held at its last good state")
                .isPresent();
    }

    @Test
    void refusesATeamWhoseFolderHoldsNothingRatherThanRunningNothingForIt() {
        DesiredState before = fixture.loadValid();
        fixture.delete("team-data/export.yaml");

        LoadResult result = fixture.loader().load(fixture.snapshot(), before);

        assertThat(relative(result.errors())).singleElement().asString().startsWith("team-data: holds no TaskGroup or"
                + " Job of team data (folders team-data); an empty team is refused");
        assertThat(((LoadResult.PartlyValid) result).inForce().state().get(ResourceKey.taskGroup("ledger-export")))
                .isPresent();
    }

    @Test
    void givesTheSameRevisionForTheSameFiles() {
        String first = ((LoadResult.Valid) fixture.load()).revision();
        fixture.write("team-data/export.yaml", DATA_EXPORT.replace("replicas: 1", "replicas: 2"));
        String changed = ((LoadResult.Valid) fixture.load()).revision();
        fixture.write("team-data/export.yaml", DATA_EXPORT);

        assertThat(((LoadResult.Valid) fixture.load()).revision()).isEqualTo(first).isNotEqualTo(changed);
    }

    private List<String> relative(List<ValidationError> errors) {
        return errors.stream().map(error -> error.toString().replace(folder + "/", "")).toList();
    }
}
