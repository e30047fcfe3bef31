package io.fargatereconciler.plan.subnet;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of the test-ENI diagnosis in a subnet (the AWS knowledge-center check, automated): create a network
 * interface there with the group's security groups, then delete it.
 *
 * @param at     when it ran
 * @param result what came of it
 * @param detail EC2's error code and message, or the id of the interface created
 */
public record TestEniOutcome(Instant at, Result result, String detail) {

    public enum Result {
        /** Created (and deleted): the subnet can hold an ENI, so the failures are on the Fargate side; wait. */
        CREATED,
        /** Refused: InsufficientFreeAddressesInSubnet. The subnet is the problem. */
        NO_FREE_IPS,
        /** Refused: NetworkInterfaceLimitExceeded, the account's ENI quota in the region. */
        QUOTA_EXCEEDED,
        /** Any other error (EC2 InternalError, missing permission): the check says nothing either way. */
        FAILED
    }

    public TestEniOutcome {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(result, "result");
        detail = detail == null ? "" : detail;
    }

    /** What the result means for the on-call person, in one sentence. */
    public String advice() {
        return switch (result) {
            case CREATED -> "a test ENI was created and deleted fine at " + at + ", so the subnet itself can hold "
                    + "interfaces: the failures are on the Fargate side; check the AWS Health Dashboard for ECS/Fargate "
                    + "in this zone and wait, the reconciler keeps steering around the subnet";
            case NO_FREE_IPS -> "a test ENI was refused at " + at + " for lack of free addresses: the subnet is full; "
                    + "free addresses or give the group a larger subnet (spec.network.subnets)";
            case QUOTA_EXCEEDED -> "a test ENI was refused at " + at + ": the account's network-interface quota in "
                    + "the region is used up; delete unused ENIs or raise the quota in Service Quotas";
            case FAILED -> detail.startsWith("UnauthorizedOperation")
                    ? "the test ENI was not allowed at " + at + " (" + detail + "): grant the task role the test-ENI "
                    + "statements (policy --test-eni) or set reconciler.diagnostics.test-eni=false"
                    : "EC2 itself failed to create a test ENI at " + at + " (" + detail + "): EC2 networking has "
                    + "trouble in this subnet's zone; check the AWS Health Dashboard for EC2 and ECS in this zone";
        };
    }
}
