package io.fargatereconciler.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopClassifierTest {

    @Test
    void recognisesEniProvisioningTimeout() {
        assertThat(StopClassifier.classify("TaskFailedToStart",
                "Timeout waiting for network interface provisioning to complete.", List.of()))
                .isEqualTo(StopCause.ENI_PROVISIONING_TIMEOUT);
    }

    @Test
    void recognisesTheOtherWordingOfEniProvisioningFailure() {
        assertThat(StopClassifier.classify("TaskFailedToStart",
                "Network interface provision complete error: timeout wait for network interface provision", List.of()))
                .isEqualTo(StopCause.ENI_PROVISIONING_TIMEOUT);
    }

    @Test
    void recognisesSubnetOutOfAddresses() {
        assertThat(StopClassifier.classify("TaskFailedToStart",
                "ResourceInitializationError: unable to create ENI: InsufficientFreeAddressesInSubnet: "
                        + "The specified subnet does not have enough free addresses to satisfy the request.", List.of()))
                .isEqualTo(StopCause.SUBNET_IP_EXHAUSTED);
        assertThat(StopClassifier.classify("TaskFailedToStart", "Unexpected EC2 error while attempting to Create "
                + "Network Interface in subnet 'subnet-0a1b': InsufficientFreeAddressesInSubnet", List.of()))
                .isEqualTo(StopCause.SUBNET_IP_EXHAUSTED);
    }

    @Test
    void recognisesOtherResourceInitializationErrors() {
        assertThat(StopClassifier.classify("TaskFailedToStart",
                "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval "
                        + "failed: unable to retrieve secret from asm", List.of()))
                .isEqualTo(StopCause.RESOURCE_INITIALIZATION);
        assertThat(StopClassifier.classify("TaskFailedToStart",
                "ResourceInitializationError: failed to initialize logging driver: failed to create Cloudwatch log group",
                List.of())).isEqualTo(StopCause.RESOURCE_INITIALIZATION);
    }

    @Test
    void recognisesImagePullFailureFromTheContainerReason() {
        List<ContainerExit> containers = List.of(new ContainerExit("app", false, null,
                "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
                        + "docker.io/library/app:missing: not found"));
        assertThat(StopClassifier.classify("TaskFailedToStart", "Task failed to start", containers))
                .isEqualTo(StopCause.IMAGE_PULL);
    }

    @Test
    void recognisesEssentialContainerExit() {
        List<ContainerExit> containers = List.of(new ContainerExit("app", true, 137, null));
        assertThat(StopClassifier.classify("EssentialContainerExited", "Essential container in task exited", containers))
                .isEqualTo(StopCause.ESSENTIAL_CONTAINER_EXITED);
    }

    @Test
    void tellsOurOwnStopsFromAPersonsStop() {
        assertThat(StopClassifier.classify("UserInitiated",
                StopClassifier.OWN_STOP_PREFIX + "scale down TaskGroup/api from 3 to 2", List.of()))
                .isEqualTo(StopCause.STOPPED_BY_RECONCILER);
        assertThat(StopClassifier.classify("UserInitiated", "Task stopped by user", List.of()))
                .isEqualTo(StopCause.STOPPED_BY_USER);
        assertThat(StopClassifier.classify("ServiceSchedulerInitiated", "Scaling activity initiated by deployment", List.of()))
                .isEqualTo(StopCause.STOPPED_BY_USER);
    }

    @Test
    void recognisesSpotInterruptionAndMaintenance() {
        assertThat(StopClassifier.classify("SpotInterruption", "Your Spot Task was interrupted.", List.of()))
                .isEqualTo(StopCause.PLATFORM_TERMINATION);
        assertThat(StopClassifier.classify("TerminationNotice",
                "Task stopped because the underlying infrastructure is being retired", List.of()))
                .isEqualTo(StopCause.PLATFORM_TERMINATION);
    }

    @Test
    void countsAnUnnamedStartFailureAsAStartFailure() {
        StopCause cause = StopClassifier.classify("TaskFailedToStart",
                "CannotStartContainerError: failed to get container status: context deadline exceeded", List.of());
        assertThat(cause.isStartFailure()).isTrue();
    }

    @Test
    void keepsUnknownReasonsAsOther() {
        assertThat(StopClassifier.classify(null, "something new", List.of())).isEqualTo(StopCause.OTHER);
    }

    @Test
    void classifiesRunTaskFailures() {
        assertThat(StopClassifier.classifyLaunchFailure(
                "Capacity is unavailable at this time. Please try again later or in a different availability zone"))
                .isEqualTo(StopCause.CAPACITY_UNAVAILABLE);
        assertThat(StopClassifier.classifyLaunchFailure("InsufficientFreeAddressesInSubnet"))
                .isEqualTo(StopCause.SUBNET_IP_EXHAUSTED);
        assertThat(StopClassifier.classifyLaunchFailure("MISSING")).isNull();
    }
}
