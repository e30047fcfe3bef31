package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;

class Ec2OperationsTest {
    private final SimulatorFixture world = new SimulatorFixture();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void describeSubnetsReportsZoneCidrAndAvailableAddresses() {
        world.runTasks("payments", "api", 4, "subnet-a");
        Subnet subnet = world.ec2.describeSubnets(r -> r.subnetIds("subnet-a")).subnets().get(0);
        assertThat(subnet.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(subnet.cidrBlock()).isEqualTo("10.0.1.0/24");
        assertThat(subnet.availableIpAddressCount()).isEqualTo(196);
        assertThat(world.ec2.describeSubnets().subnets()).extracting(Subnet::subnetId)
                .containsExactly("subnet-a", "subnet-b");
        assertThat(world.ec2.describeSubnets(r -> r.filters(Filter.builder().name("availability-zone")
                .values("us-east-1b").build())).subnets()).extracting(Subnet::subnetId).containsExactly("subnet-b");
        assertThatThrownBy(() -> world.ec2.describeSubnets(r -> r.subnetIds("subnet-nope")))
                .isInstanceOf(Ec2Exception.class)
                .satisfies(e -> assertThat(((Ec2Exception) e).awsErrorDetails().errorCode())
                        .isEqualTo("InvalidSubnetID.NotFound"));
    }

    @Test
    void createsTaggedNetworkInterfacesFindsThemByTagAndDeletesThem() {
        NetworkInterface created = world.ec2.createNetworkInterface(r -> r.subnetId("subnet-b").description("probe")
                .groups("sg-1").tagSpecifications(t -> t.resourceType(ResourceType.NETWORK_INTERFACE)
                        .tags(Tag.builder().key("fargate-reconciler/probe").value("yes").build()))).networkInterface();
        assertThat(created.networkInterfaceId()).startsWith("eni-");
        assertThat(created.privateIpAddress()).startsWith("10.0.2.");
        assertThat(created.tagSet()).extracting(Tag::key).containsExactly("fargate-reconciler/probe");
        assertThat(world.admin().freeIps("subnet-b")).isEqualTo(199);

        var found = world.ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder()
                .name("tag:fargate-reconciler/probe").values("yes").build())).networkInterfaces();
        assertThat(found).extracting(NetworkInterface::networkInterfaceId)
                .containsExactly(created.networkInterfaceId());

        world.ec2.deleteNetworkInterface(r -> r.networkInterfaceId(created.networkInterfaceId()));
        assertThat(world.admin().freeIps("subnet-b")).isEqualTo(200);
        assertThatThrownBy(() -> world.ec2.deleteNetworkInterface(r -> r.networkInterfaceId(
                created.networkInterfaceId()))).isInstanceOf(Ec2Exception.class)
                .satisfies(e -> assertThat(((Ec2Exception) e).awsErrorDetails().errorCode())
                        .isEqualTo("InvalidNetworkInterfaceID.NotFound"));
    }

    @Test
    void taskEnisAreVisibleAsRequesterManagedInterfacesUntilTheTaskStops() {
        var task = world.runTasks("payments", "api", 1, "subnet-a").get(0);
        world.advance(SimulatorFixture.STARTUP);
        var enis = world.ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder().name("subnet-id")
                .values("subnet-a").build())).networkInterfaces();
        assertThat(enis).singleElement().satisfies(eni -> {
            assertThat(eni.requesterManaged()).isTrue();
            assertThat(eni.statusAsString()).isEqualTo("in-use");
            assertThat(eni.description()).contains(":attachment/");
        });
        assertThatThrownBy(() -> world.ec2.deleteNetworkInterface(r -> r.networkInterfaceId(
                enis.get(0).networkInterfaceId()))).isInstanceOf(Ec2Exception.class);
        world.ecs.stopTask(r -> r.cluster("payments").task(task.taskArn()));
        world.advance(Duration.ofMinutes(1));
        assertThat(world.ec2.describeNetworkInterfaces().networkInterfaces()).isEmpty();
    }

    @Test
    void createNetworkInterfaceFailsInAFullSubnetAndDuringAnOutage() {
        world.admin().setFreeIps("subnet-a", 0);
        assertThatThrownBy(() -> world.ec2.createNetworkInterface(r -> r.subnetId("subnet-a")))
                .isInstanceOf(Ec2Exception.class)
                .satisfies(e -> assertThat(((Ec2Exception) e).awsErrorDetails().errorCode())
                        .isEqualTo("InsufficientFreeAddressesInSubnet"));
        world.admin().startEniOutage("subnet-b");
        assertThatThrownBy(() -> world.ec2.createNetworkInterface(r -> r.subnetId("subnet-b")))
                .isInstanceOf(Ec2Exception.class)
                .satisfies(e -> {
                    assertThat(((Ec2Exception) e).statusCode()).isEqualTo(500);
                    assertThat(((Ec2Exception) e).awsErrorDetails().errorCode()).isEqualTo("InternalError");
                });
    }
}
