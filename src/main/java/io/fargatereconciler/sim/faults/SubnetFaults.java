package io.fargatereconciler.sim.faults;

import java.util.List;

/**
 * Faults of one subnet.
 *
 * @param eniFailureProbability          chance (0..1) that a task placed here never gets its ENI
 * @param eniFailureKind                 how such a task fails (default TIMEOUT)
 * @param outages                        windows, relative to simulator start, in which every ENI here fails
 * @param capacityUnavailableProbability chance (0..1), per RunTask call, that Fargate has no capacity in this
 *                                       subnet's availability zone
 */
public record SubnetFaults(Double eniFailureProbability, EniFailureKind eniFailureKind, List<OutageWindow> outages,
                           Double capacityUnavailableProbability) {

    public SubnetFaults {
        eniFailureProbability = Probability.check(eniFailureProbability, "eniFailureProbability");
        eniFailureKind = eniFailureKind == null ? EniFailureKind.TIMEOUT : eniFailureKind;
        outages = outages == null ? List.of() : List.copyOf(outages);
        capacityUnavailableProbability = Probability.check(capacityUnavailableProbability,
                "capacityUnavailableProbability");
    }

    public static SubnetFaults none() {
        return new SubnetFaults(null, null, null, null);
    }

    public static SubnetFaults eniFailure(double probability) {
        return new SubnetFaults(probability, null, null, null);
    }

    public SubnetFaults withEniFailureProbability(double probability) {
        return new SubnetFaults(probability, eniFailureKind, outages, capacityUnavailableProbability);
    }

    public SubnetFaults withCapacityUnavailableProbability(double probability) {
        return new SubnetFaults(eniFailureProbability, eniFailureKind, outages, probability);
    }
}
