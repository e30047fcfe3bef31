package io.fargatereconciler.engine;

import static io.fargatereconciler.desired.TeamsFixture.DATA_EXPORT;
import static io.fargatereconciler.desired.TeamsFixture.PAYMENTS_API;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.desired.DesiredStateFixture;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TeamsFixture;
import io.fargatereconciler.desired.ValidationError;
import io.fargatereconciler.desired.WatchedDesiredState;
import io.fargatereconciler.plan.Condition;
import io.fargatereconciler.plan.Hold;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.SubnetSeed;
import io.fargatereconciler.sim.TaskDefinitionSeed;
import io.fargatereconciler.sim.TaskSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two teams sharing one reconciler on the simulator (virtual time): payments (cluster payments-prod) and data
 * (cluster data-batch), their Team documents in the platform's teams.yaml, read the way the daemon reads its folder.
 */
@QuarkusTest
class TwoTeamsOnSimulatorTest {
    private static final ResourceKey PAYMENTS_API_GROUP = ResourceKey.taskGroup("payments-api");
    private static final ResourceKey LEDGER_EXPORT = ResourceKey.taskGroup("ledger-export");
    private static final Duration STOP_AFTER = Duration.ofMinutes(10);

    @Inject
    EcsConfig ecsConfig;
    @TempDir
    Path folder;

    private SimulatedAccount account;
    private DesiredStateFixture files;
    private WatchedDesiredState desired;

    @BeforeEach
    void startTheTeamsWorld() {
        account = new SimulatedAccount(ecsConfig, SimulatorConfig.builder().region("eu-west-1")
                .cluster("payments-prod").cluster("data-batch")
                .taskDefinition(new TaskDefinitionSeed("payments-api", 42, null, null, null))
                .taskDefinition(new TaskDefinitionSeed("ledger-export", 7, null, null, null))
                .subnet(SubnetSeed.of("subnet-0a1b2c3d4e5f60718", "eu-west-1a", "10.20.1.0/24", 200))
                .subnet(SubnetSeed.of("subnet-0b2c3d4e5f6071829", "eu-west-1b", "10.20.2.0/24", 200))
                .subnet(SubnetSeed.of("subnet-0d4e5f60718293a4b", "eu-west-1a", "10.30.1.0/24", 200))
                .build());
        files = TeamsFixture.twoTeams(new DesiredStateFixture(folder));
        desired = new WatchedDesiredState(folder, account.clock).reload();
        account.desireFrom(desired::current);
    }

    @AfterEach
    void closeAccount() {
        account.close();
    }

    @Test
    void refusesTeamAsResourceNamingTeamBsClusterAndStillConvergesTeamBsChange() {
        Daemon daemon = new Daemon(account, 1);
        daemon.runFor(Duration.ofMinutes(3));
        assertThat(running("payments-prod", "payments-api")).hasSize(3);
        assertThat(running("data-batch", "ledger-export")).hasSize(1);

        files.write("team-payments/api.yaml", PAYMENTS_API.replace("cluster: payments-prod", "cluster: data-batch")
                .replace("replicas: 3", "replicas: 4"));
        files.write("team-data/export.yaml", DATA_EXPORT.replace("replicas: 1", "replicas: 3"));
        desired.reload();
        daemon.runFor(Duration.ofMinutes(3));

        assertThat(desired.status().errors()).extracting(ValidationError::toString).singleElement().asString()
                .isEqualTo(folder + "/team-payments/api.yaml:7:12 spec.cluster: cluster data-batch is outside team"
                        + " payments's allowance (spec.clusters of Team/payments at " + folder + "/teams.yaml:1:1): it"
                        + " allows payments-prod; use one of those, or ask the platform team to allow it in the Team"
                        + " document");
        assertThat(running("data-batch", "ledger-export")).as("team data's change converged").hasSize(3);
        assertThat(live("data-batch", "payments-api")).as("nothing of payments in data's cluster").isEmpty();
        assertThat(running("payments-prod", "payments-api")).as("payments held at its last good state").hasSize(3);
        assertThat(desired.current().orElseThrow().teams().get("payments").heldBack()).isTrue();
    }

    @Test
    void convergesTeamBsChangeWhileTeamAsFileDoesNotEvenParse() {
        Daemon daemon = new Daemon(account, 2);
        daemon.runFor(Duration.ofMinutes(3));

        files.write("team-payments/api.yaml", PAYMENTS_API.replace("  replicas: 3\n", "  replicas: [3\n"));
        files.write("team-data/export.yaml", DATA_EXPORT.replace("replicas: 1", "replicas: 2"));
        desired.reload();
        daemon.runFor(Duration.ofMinutes(3));

        assertThat(running("data-batch", "ledger-export")).hasSize(2);
        assertThat(running("payments-prod", "payments-api")).hasSize(3);
        assertThat(desired.status().errors()).allSatisfy(error ->
                assertThat(error.file()).isEqualTo(folder + "/team-payments/api.yaml"));
    }

    @Test
    void leavesAPausedGroupAloneWhileItsCopiesAreStoppedFromOutside() {
        Daemon daemon = new Daemon(account, 3);
        daemon.runFor(Duration.ofMinutes(3));
        files.write("team-payments/api.yaml", PAYMENTS_API + "  paused: true\n");
        desired.reload();
        daemon.runFor(Duration.ofSeconds(40));

        running("payments-prod", "payments-api").stream().limit(2)
                .forEach(task -> account.admin().stopTask(task.taskArn(), "a person stops it while paused"));
        daemon.runFor(Duration.ofMinutes(5));

        assertThat(live("payments-prod", "payments-api")).as("nothing relaunched while paused").hasSize(1);
        var status = daemon.status.get(PAYMENTS_API_GROUP).orElseThrow().status();
        assertThat(status.hold()).isEqualTo(Hold.SPEC_PAUSED);
        assertThat(status.condition(Condition.Type.Progressing).reason()).isEqualTo("Paused");
        assertThat(status.copies().running()).isEqualTo(1);

        files.write("team-payments/api.yaml", PAYMENTS_API);
        desired.reload();
        daemon.runFor(Duration.ofMinutes(3));
        assertThat(running("payments-prod", "payments-api")).as("unpaused: back to 3").hasSize(3);
    }

    @Test
    void countsAnOrphanAndStopsItWithTheOptInOnlyAfterItsDelay() {
        Daemon daemon = new Daemon(account, 4, gateway -> gateway,
                PlannerConfig.DEFAULTS.withOrphanStopAfter(STOP_AFTER), TestLoopSettings.DEFAULTS);
        String orphan = renameDataGroupOnceItRuns(daemon);
        daemon.runFor(Duration.ofMinutes(1));

        assertThat(daemon.loop.orphans()).containsOnlyKeys(LEDGER_EXPORT);
        assertThat(daemon.loop.orphans().get(LEDGER_EXPORT).stopAt()).isNotNull();
        assertThat(orphanedTasksMetric(daemon)).isEqualTo(1);
        daemon.runFor(STOP_AFTER.minusMinutes(2));
        assertThat(liveArns("data-batch")).as("kept until the delay has passed").contains(orphan);

        daemon.runFor(Duration.ofMinutes(3));

        assertThat(liveArns("data-batch")).as("stopped after the delay").doesNotContain(orphan);
        assertThat(running("data-batch", "ledger-export")).hasSize(1);
        assertThat(account.admin().tasks("data-batch")).filteredOn(task -> task.taskArn().equals(orphan))
                .singleElement().extracting(TaskSnapshot::stoppedReason).asString()
                .contains("orphaned: TaskGroup/ledger-export is not in the desired state since");
        daemon.runFor(Duration.ofMinutes(1));
        assertThat(orphanedTasksMetric(daemon)).isZero();
    }

    @Test
    void keepsAnOrphanRunningWithoutTheOptIn() {
        Daemon daemon = new Daemon(account, 5);
        String orphan = renameDataGroupOnceItRuns(daemon);
        daemon.runFor(Duration.ofHours(2), Duration.ofSeconds(5), () -> { });

        assertThat(liveArns("data-batch")).contains(orphan);
        assertThat(orphanedTasksMetric(daemon)).isEqualTo(1);
        assertThat(daemon.loop.orphans().get(LEDGER_EXPORT).kept()).contains("reconciler.orphans.stop-after is not set");
    }

    @Test
    void neverStopsAnOrphanWhileAnotherTeamIsHeldBack() {
        Daemon daemon = new Daemon(account, 6, gateway -> gateway,
                PlannerConfig.DEFAULTS.withOrphanStopAfter(STOP_AFTER), TestLoopSettings.DEFAULTS);
        String orphan = renameDataGroupOnceItRuns(daemon);
        files.write("team-payments/api.yaml", PAYMENTS_API.replace("replicas: 3", "replicas: -1"));
        desired.reload();
        daemon.runFor(STOP_AFTER.multipliedBy(3), Duration.ofSeconds(5), () -> { });

        assertThat(liveArns("data-batch")).as("kept while the desired state is incomplete").contains(orphan);
        assertThat(daemon.loop.orphans().get(LEDGER_EXPORT).kept()).contains("incomplete");

        files.write("team-payments/api.yaml", PAYMENTS_API);
        desired.reload();
        daemon.runFor(Duration.ofMinutes(1));
        assertThat(liveArns("data-batch")).as("complete again, orphaned long enough").doesNotContain(orphan);
    }

    /** Lets the teams converge, renames team data's group (its running copy becomes an orphan), returns that copy. */
    private String renameDataGroupOnceItRuns(Daemon daemon) {
        daemon.runFor(Duration.ofMinutes(3));
        String orphan = running("data-batch", "ledger-export").get(0).taskArn();
        files.write("team-data/export.yaml", DATA_EXPORT.replace("name: ledger-export", "name: ledger-export-v2"));
        desired.reload();
        return orphan;
    }

    private List<TaskSnapshot> live(String cluster, String family) {
        return account.admin().tasks(cluster).stream().filter(task -> family.equals(task.family()))
                .filter(task -> Ownership.DEFAULT_OWNER_ID.equals(task.startedBy()))
                .filter(task -> "RUNNING".equals(task.desiredStatus())).filter(task -> !"STOPPED".equals(task.lastStatus()))
                .toList();
    }

    private List<TaskSnapshot> running(String cluster, String family) {
        return live(cluster, family).stream().filter(task -> "RUNNING".equals(task.lastStatus())).toList();
    }

    private List<String> liveArns(String cluster) {
        return account.admin().tasks(cluster).stream().filter(task -> "RUNNING".equals(task.desiredStatus()))
                .filter(task -> !"STOPPED".equals(task.lastStatus())).map(TaskSnapshot::taskArn).toList();
    }

    private static double orphanedTasksMetric(Daemon daemon) {
        return daemon.meters.get("reconciler.orphaned.tasks").gauge().value();
    }
}
