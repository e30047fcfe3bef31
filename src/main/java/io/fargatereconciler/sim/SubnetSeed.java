package io.fargatereconciler.sim;

import java.util.Objects;

/**
 * A subnet that exists when the simulator starts.
 *
 * @param id               e.g. {@code subnet-0a1b2c3d4e5f60001}
 * @param availabilityZone e.g. {@code us-east-1a}
 * @param cidr             IPv4 CIDR such as {@code 10.0.1.0/24}; task IPs are taken from it
 * @param freeIps          free addresses at start (null: the CIDR size minus the 5 AWS reserves)
 * @param vpcId            the VPC (null: {@code vpc-0sim00000000000001})
 */
public record SubnetSeed(String id, String availabilityZone, String cidr, Integer freeIps, String vpcId) {
    /** The VPC of subnets that name none, and of the simulated security groups. */
    public static final String DEFAULT_VPC_ID = "vpc-0sim00000000000001";

    public SubnetSeed {
        Objects.requireNonNull(id, "subnets[].id is required");
        if (!id.startsWith("subnet-")) {
            throw new IllegalArgumentException("subnets[].id: must start with 'subnet-', was '" + id + "'");
        }
        Objects.requireNonNull(availabilityZone, "subnets[].availabilityZone is required (subnet " + id + ")");
        cidr = cidr == null ? "10.0.0.0/24" : cidr;
        Ipv4Cidr parsed = Ipv4Cidr.parse(cidr);
        int usable = parsed.usableAddresses();
        freeIps = freeIps == null ? usable : freeIps;
        if (freeIps < 0 || freeIps > usable) {
            throw new IllegalArgumentException("subnets[" + id + "].freeIps: must be between 0 and " + usable
                    + " (the usable addresses of " + cidr + "), was " + freeIps);
        }
        vpcId = vpcId == null ? DEFAULT_VPC_ID : vpcId;
    }

    public static SubnetSeed of(String id, String availabilityZone, String cidr, int freeIps) {
        return new SubnetSeed(id, availabilityZone, cidr, freeIps, null);
    }
}
