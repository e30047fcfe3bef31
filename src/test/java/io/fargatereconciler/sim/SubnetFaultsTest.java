package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.sim.faults.EniFailureKind;
import io.fargatereconciler.sim.faults.FaultModel;
import io.fargatereconciler.sim.faults.OutageWindow;
import io.fargatereconciler.sim.faults.SubnetFaults;
import io.fargatereconciler.sim.faults.ThrottlingConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;

class SubnetFaultsTest {
    private static final Duration ENI_TIMEOUT = LifecycleTimings.defaults().eniTimeout();
    private SimulatorFixture world = new SimulatorFixture();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void anEniOutageFailsEveryTaskInItsSubnetAndNoneInTheOther() {
        world.admin().startEniOutage("subnet-a");
        List<Task> inA = world.runTasks("payments", "api", 10, "subnet-a");
        List<Task> inB = world.runTasks("payments", "api", 10, "subnet-b");

        world.advance(ENI_TIMEOUT.plus(Duration.ofMinutes(1)));

        assertThat(inA).allSatisfy(t -> {
            Task now = world.describe("payments", t.taskArn());
            assertThat(now.lastStatus()).isEqualTo("STOPPED");
            assertThat(now.stopCodeAsString()).isEqualTo("TaskFailedToStart");
            assertThat(now.stoppedReason()).isEqualTo("Timeout waiting for network interface provisioning to complete.");
            assertThat(now.startedAt()).isNull();
        });
        assertThat(inB).allSatisfy(t -> assertThat(world.describe("payments", t.taskArn()).lastStatus())
                .isEqualTo("RUNNING"));
        assertThat(world.admin().apiCalls().tasksDoomed()).isEqualTo(10);
        assertThat(world.admin().apiCalls().runTaskCallsDoomed()).isEqualTo(1);
    }

    @Test
    void aFailingEniStaysInProvisioningUntilTheTimeout() {
        world.admin().startEniOutage("subnet-a");
        Task task = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(ENI_TIMEOUT.minusSeconds(1));
        assertThat(world.describe("payments", task.taskArn()).lastStatus()).isEqualTo("PROVISIONING");
        world.advance(Duration.ofSeconds(1));
        assertThat(world.describe("payments", task.taskArn()).lastStatus()).isEqualTo("DEPROVISIONING");
    }

    @Test
    void tasksLaunchedAfterTheOutageEndsStartAgain() {
        world.admin().startEniOutage("subnet-a");
        Task during = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(Duration.ofMinutes(1));
        world.admin().endEniOutage("subnet-a");
        Task after = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(ENI_TIMEOUT);
        assertThat(world.describe("payments", during.taskArn()).stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(world.describe("payments", after.taskArn()).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void outageWindowsFromTheConfigCountFromTheSimulatorsStart() {
        world.close();
        world = new SimulatorFixture(c -> c.faults(FaultModel.none().withThrottling(ThrottlingConfig.disabled())
                .withSubnet("subnet-b", new SubnetFaults(null, EniFailureKind.RESOURCE_INITIALIZATION,
                        List.of(new OutageWindow(Duration.ofMinutes(10), Duration.ofMinutes(30))), null))));
        Task before = world.runTasks("data", "job", 1, "subnet-b").get(0);
        world.advance(Duration.ofMinutes(15));
        Task during = world.runTasks("data", "job", 1, "subnet-b").get(0);
        world.advance(Duration.ofMinutes(30));
        Task after = world.runTasks("data", "job", 1, "subnet-b").get(0);
        world.advance(Duration.ofMinutes(5));

        assertThat(world.describe("data", before.taskArn()).lastStatus()).isEqualTo("RUNNING");
        assertThat(world.describe("data", during.taskArn()).stoppedReason())
                .startsWith("ResourceInitializationError: failed to configure ENI");
        assertThat(world.describe("data", after.taskArn()).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void anEniFailureProbabilityFailsAboutThatShareOfTasks() {
        world.admin().setEniFailureProbability("subnet-a", 0.3);
        for (int i = 0; i < 20; i++) {
            world.runTasks("payments", "api", 10, "subnet-a");
        }
        world.advance(ENI_TIMEOUT);
        long failed = world.admin().countTasksByStatus().getOrDefault("DEPROVISIONING", 0L)
                + world.admin().countTasksByStatus().getOrDefault("STOPPED", 0L);
        assertThat(failed).isBetween(40L, 80L);
    }

    @Test
    void aSubnetWithoutFreeIpsFailsTasksWithInsufficientFreeAddresses() {
        world.admin().setFreeIps("subnet-a", 3);
        List<Task> tasks = world.runTasks("payments", "api", 5, "subnet-a");
        assertThat(world.ec2.describeSubnets(r -> r.subnetIds("subnet-a")).subnets().get(0).availableIpAddressCount())
                .isZero();

        world.advance(Duration.ofMinutes(1));
        List<Task> now = tasks.stream().map(t -> world.describe("payments", t.taskArn())).toList();
        assertThat(now).filteredOn(t -> t.lastStatus().equals("RUNNING")).hasSize(3);
        assertThat(now).filteredOn(t -> t.lastStatus().equals("STOPPED")).hasSize(2).allSatisfy(t -> {
            assertThat(t.stopCodeAsString()).isEqualTo("TaskFailedToStart");
            assertThat(t.stoppedReason()).isEqualTo("Unexpected EC2 error while attempting to Create Network "
                    + "Interface in subnet 'subnet-a': InsufficientFreeAddressesInSubnet");
        });
    }

    @Test
    void stoppedTasksGiveTheirAddressesBack() {
        world.admin().setFreeIps("subnet-a", 2);
        List<Task> tasks = world.runTasks("payments", "api", 2, "subnet-a");
        world.advance(Duration.ofMinutes(1));
        tasks.forEach(t -> world.ecs.stopTask(r -> r.cluster("payments").task(t.taskArn())));
        assertThat(world.admin().freeIps("subnet-a")).isZero();
        world.advance(Duration.ofMinutes(1));
        assertThat(world.admin().freeIps("subnet-a")).isEqualTo(2);
    }

    @Test
    void whenNoZoneHasCapacityRunTaskAnswersWithFailures() {
        world.admin().setSubnetFaults("subnet-a", SubnetFaults.none().withCapacityUnavailableProbability(1.0));
        var response = world.run("payments", "api", 3, "subnet-a");
        assertThat(response.tasks()).isEmpty();
        assertThat(response.failures()).hasSize(3).allSatisfy(f -> assertThat(f.reason()).isEqualTo(
                "Capacity is unavailable at this time. Please try again later or in a different availability zone"));

        var elsewhere = world.run("payments", "api", 3, "subnet-a", "subnet-b");
        assertThat(elsewhere.failures()).isEmpty();
        assertThat(elsewhere.tasks()).allSatisfy(t -> assertThat(t.availabilityZone()).isEqualTo("us-east-1b"));
    }
}
