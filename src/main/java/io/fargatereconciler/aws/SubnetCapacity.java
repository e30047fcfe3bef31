package io.fargatereconciler.aws;

import java.util.Objects;

/** A subnet as EC2 DescribeSubnets reports it: its zone and its free IP addresses (AvailableIpAddressCount). */
public record SubnetCapacity(String subnetId, String availabilityZone, int availableIps) {
    public SubnetCapacity {
        Objects.requireNonNull(subnetId, "subnetId");
    }
}
