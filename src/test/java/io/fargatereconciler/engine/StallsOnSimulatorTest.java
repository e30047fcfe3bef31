package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.ConcurrencyPolicy;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.loop.JobNotifications;
import io.fargatereconciler.loop.leader.SoleReplicaLeadership;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.plan.FailureReason;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.Hold;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.plan.job.JobRunRecord;
import io.fargatereconciler.plan.job.JobRunResult;
import io.fargatereconciler.plan.subnet.SubnetStanding;
import io.fargatereconciler.sim.TaskSnapshot;
import io.fargatereconciler.sim.faults.FaultModel;
import io.fargatereconciler.sim.faults.TaskBehaviour;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stall detection, replacement and probes end to end on the simulator's virtual time (ENI timeout 3 minutes, start-up
 * 15 s + 20 s + 5 s): the real gateway, observer, planner and loop with every default (stall cap 90 s while fewer
 * than 100 starts are known, probe batch 2).
 */
@QuarkusTest
class StallsOnSimulatorTest {
    private static final String HEALTHY = SimulatedAccount.SUBNETS.get(0);
    private static final String SILENT = SimulatedAccount.SUBNETS.get(1);
    private static final String STALL_REASON = StopClassifier.OWN_STOP_PREFIX + StopClassifier.STALL_STOP_REASON;
    private static final ResourceKey API = ResourceKey.taskGroup("api");

    @Inject
    EcsConfig ecsConfig;

    private SimulatedAccount account;

    @AfterEach
    void close() {
        if (account != null) {
            account.close();
        }
    }

    @Test
    void aCopyStalledInASilentSubnetIsStoppedAndReplacedInTheOtherWellBeforeTheEniTimeout() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 6, "api:1"));
        Daemon daemon = new Daemon(account, 61);
        daemon.runFor(Duration.ofMinutes(3));
        assertThat(account.running()).as("both subnets proven, copies spread").isEqualTo(6);
        account.admin().startEniOutage(SILENT);
        Instant silentFrom = account.clock.instant();
        List<TaskSnapshot> byHand = account.liveTasks().stream().filter(t -> SILENT.equals(t.subnetId())).toList();
        byHand.forEach(t -> account.admin().stopTask(t.taskArn(), "by hand"));
        AtomicInteger mostLive = new AtomicInteger();

        daemon.runFor(Duration.ofMinutes(4), Duration.ofSeconds(1),
                () -> mostLive.accumulateAndGet(account.liveTasks().size(), Math::max));

        List<TaskSnapshot> stalled = account.admin().tasks(SimulatedAccount.CLUSTER).stream()
                .filter(t -> t.stoppedReason() != null && t.stoppedReason().startsWith(STALL_REASON)).toList();
        assertThat(stalled).as("the replacements sent to the emptier, silent subnet stalled").isNotEmpty()
                .allSatisfy(t -> {
                    assertThat(t.subnetId()).isEqualTo(SILENT);
                    assertThat(t.startedAt()).isNull();
                    assertThat(t.stoppedReason()).contains("over the stall threshold 90s");
                    assertThat(Duration.between(t.createdAt(), t.stoppedAt())).as("stopped well before the 3-minute "
                            + "ENI timeout").isLessThan(Duration.ofMinutes(2));
                });
        assertThat(account.running()).isEqualTo(6);
        assertThat(mostLive.get()).as("never above desired").isEqualTo(6);
        assertThat(account.liveTasks()).filteredOn(t -> t.createdAt().isAfter(silentFrom.plusSeconds(90)))
                .as("replaced in the other subnet").allSatisfy(t -> assertThat(t.subnetId()).isEqualTo(HEALTHY));
        double counted = stalled.size();
        assertThat(daemon.meters.counter("reconciler.stalled.tasks", "subnet", SILENT).count()).isEqualTo(counted);
        assertThat(daemon.meters.counter("reconciler.stall.stops").count()).isEqualTo(counted);
        assertThat(daemon.meters.counter("reconciler.eni.failures", "subnet", SILENT, "cause",
                "ENI_PROVISIONING_STALLED").count()).as("an ENI failure of the subnet").isEqualTo(counted);
        assertThat(daemon.meters.counter("reconciler.stops", "group", "TaskGroup/api", "reason", "STOPPED_BY_USER")
                .count()).as("only the copies stopped by hand are user stops").isEqualTo(byHand.size());
        GroupStatus status = daemon.status.get(API).orElseThrow().status();
        assertThat(status.lastFailure().reason()).isEqualTo(FailureReason.EniProvisioningStalled);
        assertThat(status.lastFailure().subnetId()).isEqualTo(SILENT);
        assertThat(status.subnets().unhealthy()).extracting(SubnetStanding::subnetId).containsExactly(SILENT);
    }

    @Test
    void aSlowHealthyStartUnderTheThresholdIsLeftAlone() {
        TaskBehaviour slow = new TaskBehaviour("api", null, null, null, 1.0, 4.0, null);
        account = new SimulatedAccount(ecsConfig, config -> config.faults(FaultModel.none().withTasks(List.of(slow))));
        account.desire(SimulatedAccount.group("api", 4, "api:1"));
        Daemon daemon = new Daemon(account, 62);

        daemon.runFor(Duration.ofMinutes(6));

        assertThat(account.running()).isEqualTo(4);
        assertThat(account.admin().apiCalls().tasksLaunched()).as("no copy stopped, none replaced").isEqualTo(4);
        assertThat(account.liveTasks()).allSatisfy(t -> assertThat(Duration.between(t.createdAt(), t.startedAt()))
                .as("four times the usual 40 s start-up, 60 s of it in PROVISIONING").isEqualTo(Duration.ofSeconds(145)));
        assertThat(daemon.meters.counter("reconciler.stall.stops").count()).isZero();
    }

    @Test
    void subnetsWithoutARecentStartGetAProbeBatchAndTheFullRateOnceAProbeLeavesProvisioning() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 20, "api:1"));
        Daemon daemon = new Daemon(account, 63);

        daemon.loop.runPass();
        GroupStatus probing = daemon.status.get(API).orElseThrow().status();
        assertThat(account.liveTasks()).as("a probe batch of 2 into each subnet, alone").hasSize(4);
        assertThat(account.liveTasks().stream().filter(t -> HEALTHY.equals(t.subnetId()))).hasSize(2);
        assertThat(probing.hold()).isEqualTo(Hold.PROBE);
        assertThat(probing.holdReason(account.clock.instant())).contains("a probe batch is starting in", HEALTHY,
                "once a probe leaves PROVISIONING");
        assertThat(probing.subnets().unhealthy()).extracting(SubnetStanding::state)
                .containsOnly(SubnetStanding.State.PROBING);
        AtomicInteger mostLive = new AtomicInteger();

        daemon.runFor(Duration.ofSeconds(14), Duration.ofSeconds(1),
                () -> mostLive.accumulateAndGet(account.liveTasks().size(), Math::max));
        assertThat(account.liveTasks()).as("nothing more while the probes are in PROVISIONING (15 s)").hasSize(4);
        daemon.runFor(Duration.ofSeconds(10), Duration.ofSeconds(1),
                () -> mostLive.accumulateAndGet(account.liveTasks().size(), Math::max));
        assertThat(account.liveTasks()).as("the full rate once a probe left PROVISIONING").hasSize(20);
        daemon.runFor(Duration.ofMinutes(2), Duration.ofSeconds(1),
                () -> mostLive.accumulateAndGet(account.liveTasks().size(), Math::max));

        assertThat(account.running()).isEqualTo(20);
        assertThat(mostLive.get()).isEqualTo(20);
        assertThat(daemon.status.get(API).orElseThrow().status().subnets().unhealthy()).isEmpty();
    }

    @Test
    void aJobAttemptStalledInProvisioningIsReattemptedOnceWithANewTokenAndTheRunSucceedsOnce() {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(job());
        account.admin().startEniOutage(HEALTHY, Duration.ofSeconds(90)); // the first attempt's ENI never comes
        List<Launch> launches = new ArrayList<>();
        Daemon daemon = new Daemon(account, 64, real -> new DelegatingGateway(real) {
            @Override
            public LaunchResult runTask(Launch launch) {
                launches.add(launch);
                return super.runTask(launch);
            }
        }, PlannerConfig.DEFAULTS, TestLoopSettings.DEFAULTS, JobNotifications.loggedOnly(),
                new SoleReplicaLeadership("only-replica", account.clock.instant()));

        daemon.runFor(Duration.ofMinutes(6));

        List<TaskSnapshot> tasks = account.admin().tasks(SimulatedAccount.CLUSTER);
        assertThat(tasks).hasSize(2);
        assertThat(tasks).filteredOn(t -> t.startedAt() != null).as("the run's containers started once").hasSize(1);
        TaskSnapshot stalled = tasks.stream().filter(t -> t.startedAt() == null).findFirst().orElseThrow();
        assertThat(stalled.stoppedReason()).startsWith(STALL_REASON);
        assertThat(launches).hasSize(2);
        assertThat(launches.get(0).clientToken()).as("a new attempt, a new token")
                .isNotEqualTo(launches.get(1).clientToken());
        JobRunRecord run = daemon.jobs.get(ResourceKey.job("nightly")).orElseThrow().status().history().get(0);
        assertThat(run.result()).isEqualTo(JobRunResult.Succeeded);
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(run.startFailures()).isEqualTo(1);
        assertThat(run.taskFailures()).as("backoffLimit untouched").isZero();
        assertThat(run.runningAt()).as("RUNNING before ECS's own ENI timeout would even have reported the failure")
                .isBefore(stalled.createdAt().plus(Duration.ofMinutes(3)));
        assertThat(daemon.meters.counter("reconciler.job.attempts.failed", "job", "nightly", "kind", "start").count())
                .isEqualTo(1);
    }

    private static Job job() {
        TaskSpec spec = new TaskSpec(SimulatedAccount.CLUSTER, "api:1", null, null, null,
                new Network(List.of(HEALTHY), List.of(), false), null, null, null, false, null, null);
        return new Job(new Metadata("nightly", null), new SourceLocation("jobs.yaml", 1, 1), spec, "0 0 * * *",
                ZoneId.of("UTC"), 6, ConcurrencyPolicy.Forbid, null, CompleteWhen.Running, false, 3, 3);
    }
}
