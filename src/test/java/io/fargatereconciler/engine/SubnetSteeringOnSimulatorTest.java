package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.Condition;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.sim.TaskSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subnet steering on the simulator's virtual time: around an ENI outage, around a full subnet, and back. */
@QuarkusTest
class SubnetSteeringOnSimulatorTest {
    private static final String HEALTHY = SimulatedAccount.SUBNETS.get(0);
    private static final String BROKEN = SimulatedAccount.SUBNETS.get(1);

    @Inject
    EcsConfig ecsConfig;

    private SimulatedAccount account;

    @AfterEach
    void closeAccount() {
        if (account != null) {
            account.close();
        }
    }

    @Test
    void anEniOutageInOneSubnetSendsReplacementsToTheOtherAndTheGroupStaysWhole() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 6, "api:1"));
        account.admin().startEniOutage(BROKEN);
        Daemon daemon = new Daemon(account, 11);

        daemon.runFor(Duration.ofMinutes(4));
        Instant failuresSeen = account.clock.instant();
        long failedInBroken = placedIn(BROKEN).stream().filter(t -> "STOPPED".equals(t.lastStatus())).count();
        assertThat(failedInBroken).as("the first launch spread over both subnets; those in the broken one failed")
                .isPositive();
        daemon.runFor(Duration.ofMinutes(6));

        assertThat(account.running()).as("full count while the outage lasts").isEqualTo(6);
        assertThat(placedIn(BROKEN).stream().filter(t -> t.createdAt().isAfter(failuresSeen)))
                .as("no replacement went to the broken subnet once its failures were seen").isEmpty();
        Condition degraded = status(daemon).condition(Condition.Type.Degraded);
        assertThat(degraded.status()).isEqualTo(Condition.Status.True);
        assertThat(degraded.reason()).isEqualTo("SubnetUnhealthy");
        assertThat(degraded.message()).contains("6 of 6 copies running", "launches go to " + HEALTHY, "avoid subnet "
                + BROKEN, "ENI provisioning failures", "runbook-eni.md");
        assertThat(status(daemon).subnets().avoided()).extracting(s -> s.subnetId()).containsExactly(BROKEN);
    }

    @Test
    void whenTheOutageEndsTheSubnetIsUsedAgain() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 6, "api:1"));
        account.admin().startEniOutage(BROKEN);
        Daemon daemon = new Daemon(account, 12);
        daemon.runFor(Duration.ofMinutes(10));
        account.admin().endEniOutage(BROKEN);

        daemon.runFor(Duration.ofMinutes(20));
        assertThat(status(daemon).condition(Condition.Type.Degraded).status())
                .as("the broken subnet's failures are forgiven after a few half-lives").isEqualTo(Condition.Status.False);
        Instant recovered = account.clock.instant();
        account.liveTasks().stream().limit(2).forEach(t -> account.admin().stopTask(t.taskArn(), "by hand"));
        daemon.runFor(Duration.ofMinutes(3));

        assertThat(placedIn(BROKEN).stream().filter(t -> t.createdAt().isAfter(recovered)))
                .as("one of the two replacements probes the recovered subnet, the other goes to the proven one")
                .hasSize(1).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
        Instant proven = account.clock.instant();
        account.liveTasks().stream().filter(t -> HEALTHY.equals(t.subnetId())).limit(2)
                .forEach(t -> account.admin().stopTask(t.taskArn(), "by hand"));
        daemon.runFor(Duration.ofMinutes(3));

        assertThat(placedIn(BROKEN).stream().filter(t -> t.createdAt().isAfter(proven)))
                .as("once the probe started there, replacements fill the emptier subnet again").hasSize(2)
                .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
        assertThat(account.running()).isEqualTo(6);
    }

    @Test
    void aSubnetWithoutFreeIpsGetsNoLaunchAndIsUsedAgainOnceItHasSome() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.admin().setFreeIps(BROKEN, 0);
        account.desire(SimulatedAccount.group("api", 6, "api:1"));
        Daemon daemon = new Daemon(account, 13);

        daemon.runFor(Duration.ofMinutes(5));
        assertThat(placedIn(BROKEN)).as("nothing launched into the full subnet").isEmpty();
        assertThat(account.running()).isEqualTo(6);
        Condition degraded = status(daemon).condition(Condition.Type.Degraded);
        assertThat(degraded.reason()).isEqualTo("SubnetIpExhausted");
        assertThat(degraded.message()).contains("subnet " + BROKEN + " (eu-west-1b): 0 free IP addresses");

        account.admin().setFreeIps(BROKEN, 100);
        daemon.runFor(Duration.ofMinutes(2));
        assertThat(status(daemon).condition(Condition.Type.Degraded).status()).isEqualTo(Condition.Status.False);
        account.liveTasks().stream().limit(3).forEach(t -> account.admin().stopTask(t.taskArn(), "by hand"));
        daemon.runFor(Duration.ofMinutes(3));
        assertThat(placedIn(BROKEN)).as("no copy ever started there: of 3 replacements 1 probes it, 2 go to the proven "
                + "subnet").hasSize(1).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
        assertThat(account.running()).isEqualTo(6);
        assertThat(account.admin().apiCalls().calls("ec2:DescribeSubnets")).as("free IPs read at a bounded rate")
                .isBetween(5L, 11L);
    }

    @Test
    void aWholeGroupOnHealthySubnetsCostsNoEc2CallsUntilACopyIsMissing() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 4, "api:1"));
        Daemon daemon = new Daemon(account, 17);
        daemon.runFor(Duration.ofMinutes(3));
        assertThat(account.running()).isEqualTo(4);
        long afterStart = account.admin().apiCalls().calls("ec2:DescribeSubnets");

        daemon.runFor(Duration.ofMinutes(40));
        assertThat(account.admin().apiCalls().calls("ec2:DescribeSubnets")).as("steady state: ECS calls only, also "
                + "once the last starts are older than recent-success (30 min) and the subnets would be probed")
                .isEqualTo(afterStart);

        account.admin().setFreeIps(BROKEN, 0);
        account.liveTasks().forEach(t -> account.admin().stopTask(t.taskArn(), "by hand"));
        daemon.runFor(Duration.ofMinutes(3));
        assertThat(account.admin().apiCalls().calls("ec2:DescribeSubnets")).as("free IPs read before relaunching")
                .isGreaterThan(afterStart);
        assertThat(account.running()).isEqualTo(4);
        assertThat(placedIn(BROKEN).stream().filter(t -> "RUNNING".equals(t.lastStatus())))
                .as("the relaunch saw the full subnet").isEmpty();
    }

    @Test
    void whenEverySubnetFailsItKeepsLaunchingIntoTheLeastBadOneAtTheBackoffRateAndSaysSo() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 4, "api:1"));
        SimulatedAccount.SUBNETS.forEach(subnet -> account.admin().startEniOutage(subnet));
        Daemon daemon = new Daemon(account, 14);

        daemon.runFor(Duration.ofMinutes(20));

        GroupStatus status = status(daemon);
        assertThat(status.subnets().allBad()).isTrue();
        assertThat(status.subnets().subnets()).hasSize(1);
        Condition degraded = status.condition(Condition.Type.Degraded);
        assertThat(degraded.reason()).as("every copy stalled in PROVISIONING and was stopped before ECS's timeout")
                .isEqualTo("EniProvisioningStalled");
        assertThat(degraded.message()).contains("every subnet of the group is failing",
                "launching at the backoff rate into the least bad one, " + status.subnets().subnets().get(0));
        assertThat(account.admin().apiCalls().calls("ecs:RunTask")).as("still trying, at the backoff rate")
                .isBetween(3L, 20L);
    }

    @Test
    void steeringBringsTheGroupBackFasterThroughAnOutageInOneOfTwoSubnets() {
        Outcome steered = outage(TestSubnetSettings.DEFAULTS, 15);
        account.close();
        Outcome blind = outage(TestSubnetSettings.NO_STEERING, 15);

        System.out.printf("ENI outage in 1 of 2 subnets, 10 copies: with steering full count after %d min, %d tasks "
                + "doomed; without: %d min, %d doomed%n", steered.minutesToFullCount(), steered.doomed(),
                blind.minutesToFullCount(), blind.doomed());
        assertThat(steered.minutesToFullCount()).isLessThan(blind.minutesToFullCount());
        assertThat(steered.doomed()).isLessThanOrEqualTo(blind.doomed());
    }

    private record Outcome(long minutesToFullCount, long doomed) {
    }

    private Outcome outage(TestSubnetSettings settings, long seed) {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 10, "api:1"));
        account.admin().startEniOutage(BROKEN);
        Daemon daemon = new Daemon(account, seed, settings);
        daemon.runFor(Duration.ofMinutes(2));
        long minutes = 2;
        while (account.running() < 10 || minutes < 4) {
            daemon.runFor(Duration.ofMinutes(1));
            minutes++;
            assertThat(minutes).as("back to full count within the hour").isLessThan(60);
        }
        return new Outcome(minutes, account.admin().apiCalls().tasksDoomed());
    }

    private List<TaskSnapshot> placedIn(String subnet) {
        return account.admin().tasks(SimulatedAccount.CLUSTER).stream().filter(t -> t.subnetId().equals(subnet))
                .toList();
    }

    private static GroupStatus status(Daemon daemon) {
        return daemon.status.get(ResourceKey.taskGroup("api")).orElseThrow().status();
    }
}
