package io.fargatereconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.OwnedLaunches;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.DesiredStateLoader;
import io.fargatereconciler.desired.LoadResult;
import io.fargatereconciler.desired.LoadSettings;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.Planner;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.plan.PlannerMemory;
import io.fargatereconciler.sim.FargateSimulator;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.TaskSnapshot;
import io.fargatereconciler.sim.VirtualClock;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} against the simulator seeded with the example desired state's world: what it prints, and that it changes
 * nothing. The command plans at the simulator's virtual now, far from the nightly Job's window, so the output does not
 * depend on the time of day the test runs (a wall clock within an hour after 02:30 Berlin time planned a catch-up run).
 */
class PlanCommandOnSimulatorTest {
    private final VirtualClock clock = VirtualClock.create();
    private FargateSimulator simulator;
    private final CommandConsole console = new CommandConsole(clock);

    @BeforeEach
    void startSimulator() {
        simulator = FargateSimulator.start(SimulatorConfig.devExample(), clock);
        // The SDK's default credential chain reads these; the simulator accepts any signature.
        System.setProperty("aws.accessKeyId", "plan-test");
        System.setProperty("aws.secretAccessKey", "plan-test");
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void printsTheLaunchesForAnEmptyAccountAndExitsTwoWithoutLaunchingAnything() {
        int exit = plan();

        assertThat(exit).as(err()).isEqualTo(PlanCommand.CHANGES_PENDING);
        assertThat(out()).contains("TaskGroup/payments-api in payments-prod: 0 of 3 running, 0 pending, 0 up to date\n"
                        + "  + launch 3 copies of payments-api:42 into subnet-0a1b2c3d4e5f60718, subnet-0b2c3d4e5f6071829,"
                        + " subnet-0c3d4e5f607182930: ")
                .contains("TaskGroup/payments-webhook-relay in payments-prod: 0 of 1 running")
                .contains("  + launch 1 copy of payments-webhook-relay into subnet-0a1b2c3d4e5f60718, subnet-0b2c3d4e5f6071829: ")
                .contains("Job/nightly-export in arn:aws:ecs:eu-west-1:123456789012:cluster/data-batch: 0 runs in progress,"
                        + " next scheduled run ")
                .endsWith("Plan: 4 to launch, 0 to stop.\n");
        assertThat(simulator.admin().tasks()).isEmpty();
        assertThat(simulator.admin().apiCalls().calls("ecs:RunTask")).isZero();
        assertThat(simulator.admin().apiCalls().calls("ecs:StopTask")).isZero();
        assertThat(simulator.admin().apiCalls().calls("ecs:ListTasks")).isPositive();
    }

    @Test
    void saysNoChangesAndExitsZeroOnceTheDesiredCopiesRunAndLeavesThemAlone() {
        launchAsTheDaemonWould();
        clock.advance(Duration.ofMinutes(5));
        List<TaskSnapshot> before = simulator.admin().tasks();
        Map<String, Long> callsBefore = simulator.admin().apiCalls().calls();

        int exit = plan();

        assertThat(exit).as(out() + err()).isEqualTo(PlanCommand.NO_CHANGES);
        assertThat(out()).contains("TaskGroup/payments-api in payments-prod: 3 of 3 running, 0 pending, 3 up to date\n"
                + "  no changes\n").endsWith("No changes: every group has its desired copies.\n");
        assertThat(simulator.admin().tasks()).isEqualTo(before);
        assertThat(simulator.admin().apiCalls().calls("ecs:RunTask")).isEqualTo(callsBefore.get("ecs:RunTask"));
        assertThat(simulator.admin().apiCalls().calls("ecs:StopTask")).isEqualTo(callsBefore.getOrDefault("ecs:StopTask", 0L));
    }

    @Test
    void printsTheRollForAChangedSpecAndTheStopsForFewerReplicas(@TempDir Path edited) throws Exception {
        launchAsTheDaemonWould();
        clock.advance(Duration.ofMinutes(5));
        Path api = edited.resolve("team-payments/api.yaml");
        Files.createDirectories(api.getParent());
        String example = Files.readString(Path.of("desired-state/team-payments/api.yaml"));
        Files.writeString(api, example.replace("LOG_FORMAT: json", "LOG_FORMAT: text"));

        assertThat(plan(edited)).isEqualTo(PlanCommand.CHANGES_PENDING);
        assertThat(out()).contains("TaskGroup/payments-api in payments-prod: 3 of 3 running, 0 pending, 0 up to date\n"
                        + "  + launch 1 copy of payments-api:42 into ")
                .contains("  ~ roll: 3 of 3 live copies run an older spec; replaced 1 at a time (rollout.maxSurge)\n")
                .contains("TaskGroup/payments-webhook-relay in payments-prod: 1 of 1 running, 0 pending, 1 up to date\n  no changes\n");

        Files.writeString(api, example.replace("replicas: 3", "replicas: 1"));
        assertThat(plan(edited)).isEqualTo(PlanCommand.CHANGES_PENDING);
        assertThat(out().lines().filter(line -> line.startsWith("  - stop arn:aws:ecs:eu-west-1:123456789012:task/"))).hasSize(2);
        assertThat(out()).endsWith("Plan: 0 to launch, 2 to stop.\n");
        assertThat(simulator.admin().apiCalls().calls("ecs:StopTask")).isZero();
        assertThat(simulator.admin().tasks().stream().filter(task -> task.lastStatus().equals("RUNNING"))).hasSize(4);
    }

    @Test
    void reportsAHoldWithNothingToLaunchOrStopAsHeldNotAsChanges() {
        // given copies launched a minute ago, one of which has stopped: a daemon without launch intents recorded for
        // the group would hold it (restart guard) rather than launch
        launchAsTheDaemonWould();
        clock.advance(Duration.ofMinutes(1));
        simulator.admin().killTask(simulator.admin().tasks().stream()
                .filter(task -> task.tags().getOrDefault(Ownership.GROUP_TAG, "").equals("TaskGroup/payments-api"))
                .findFirst().orElseThrow().taskArn(), 137);

        int exit = plan();

        assertThat(exit).as(out() + err()).isEqualTo(PlanCommand.HELD);
        assertThat(out()).contains("TaskGroup/payments-api in payments-prod: 2 of 3 running")
                .contains("  = wait: copies were launched in the last minutes")
                .doesNotContain("+ launch")
                .endsWith("Nothing to launch or stop now: 1 group is held short of the desired copies (see \"= wait\");"
                        + " the daemon launches once the hold ends.\n");
    }

    @Test
    void failsWithExitOneNamingTheClusterWhenEcsCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int exit = console.run("plan", List.of("desired-state/", "--endpoint-url", "http://127.0.0.1:" + closedPort,
                "--region", "eu-west-1"));

        assertThat(exit).isEqualTo(PlanCommand.FAILED);
        assertThat(err()).startsWith("plan: cannot observe cluster ");
    }

    private void launchAsTheDaemonWould() {
        DesiredState desired = ((LoadResult.Valid) new DesiredStateLoader(LoadSettings.DEFAULT, clock)
                .load(Path.of("desired-state"))).state();
        List<ObservedCluster> empty = new ArrayList<>();
        desired.clusters().forEach(cluster -> empty.add(new ObservedCluster(cluster, List.of(), clock.instant())));
        ObservedState observed = new ObservedState(empty.stream()
                .collect(java.util.stream.Collectors.toMap(ObservedCluster::cluster, c -> c)));
        List<Launch> launches = new Planner(PlannerConfig.DEFAULTS)
                .plan(desired, observed, PlannerMemory.initial(0), clock.instant()).launches();
        assertThat(OwnedLaunches.run(simulator.endpoint(), launches, Ownership.DEFAULT_OWNER_ID)).isEqualTo(4);
    }

    private int plan() {
        return plan(Path.of("desired-state"));
    }

    private int plan(Path folder) {
        return console.run("plan", List.of(folder.toString(), "--endpoint-url", simulator.endpoint().toString(),
                "--region", "eu-west-1"));
    }

    private String out() {
        return console.out();
    }

    private String err() {
        return console.err();
    }
}
