package io.fargatereconciler.sim.ec2;

import io.fargatereconciler.sim.Ipv4Cidr;
import io.fargatereconciler.sim.SubnetSeed;
import java.util.BitSet;

/**
 * A subnet's address pool. {@link #availableIps()} is what EC2 DescribeSubnets reports as AvailableIpAddressCount:
 * the free addresses other users left us, minus the ones our ENIs hold. Guarded by the simulation lock.
 */
public final class SimSubnet {
    private final String id;
    private final String availabilityZone;
    private final Ipv4Cidr cidr;
    private final String vpcId;
    private final BitSet used = new BitSet();
    private int freeIpsOutsideUs;
    private int nextIndex;

    public SimSubnet(SubnetSeed seed) {
        this.id = seed.id();
        this.availabilityZone = seed.availabilityZone();
        this.cidr = Ipv4Cidr.parse(seed.cidr());
        this.vpcId = seed.vpcId();
        this.freeIpsOutsideUs = seed.freeIps();
    }

    public String id() {
        return id;
    }

    public String availabilityZone() {
        return availabilityZone;
    }

    public Ipv4Cidr cidr() {
        return cidr;
    }

    public String vpcId() {
        return vpcId;
    }

    public int availableIps() {
        return Math.max(0, freeIpsOutsideUs - used.cardinality());
    }

    /** Makes {@code available} addresses free from now on (others may release or take addresses). */
    public void setAvailableIps(int available) {
        if (available < 0 || available + used.cardinality() > cidr.usableAddresses()) {
            throw new IllegalArgumentException("subnet " + id + ": free IPs must be between 0 and "
                    + (cidr.usableAddresses() - used.cardinality()) + ", was " + available);
        }
        freeIpsOutsideUs = available + used.cardinality();
    }

    /** Takes a free address, or returns null when the subnet has none left. */
    public String allocateIp() {
        if (availableIps() == 0) {
            return null;
        }
        int size = cidr.usableAddresses();
        int index = used.nextClearBit(nextIndex);
        if (index >= size) {
            index = used.nextClearBit(0);
        }
        used.set(index);
        nextIndex = index + 1 >= size ? 0 : index + 1;
        return cidr.usableAddress(index);
    }

    public void releaseIp(String address) {
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            if (cidr.usableAddress(i).equals(address)) {
                used.clear(i);
                return;
            }
        }
    }
}
