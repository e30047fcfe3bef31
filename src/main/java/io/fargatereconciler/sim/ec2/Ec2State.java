package io.fargatereconciler.sim.ec2;

import io.fargatereconciler.sim.SubnetSeed;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subnets and network interfaces. When the config declares no subnets, any subnet id a caller names is created on
 * first use (a /24 in an availability zone chosen round-robin), so an empty simulator accepts any RunTask.
 */
public final class Ec2State {
    private final String region;
    private final boolean createSubnetsOnDemand;
    private final Map<String, SimSubnet> subnets = new LinkedHashMap<>();
    private final Map<String, SimNetworkInterface> interfaces = new LinkedHashMap<>();
    private final List<String> securityGroups;

    public Ec2State(String region, List<SubnetSeed> seeds, List<String> securityGroups) {
        this.region = region;
        this.createSubnetsOnDemand = seeds.isEmpty();
        seeds.forEach(seed -> subnets.put(seed.id(), new SimSubnet(seed)));
        this.securityGroups = List.copyOf(securityGroups);
    }

    /** The security groups that exist (the config's), in the default VPC. */
    public List<String> securityGroups() {
        return securityGroups;
    }

    /** The subnet, created now when the simulator creates subnets on demand; empty when it does not exist. */
    public Optional<SimSubnet> subnet(String id) {
        SimSubnet subnet = subnets.get(id);
        if (subnet == null && createSubnetsOnDemand && id.startsWith("subnet-")) {
            int n = subnets.size();
            String az = region + (char) ('a' + n % 3);
            subnet = new SimSubnet(new SubnetSeed(id, az, "10." + (n / 250) + "." + (n % 250) + ".0/24", null, null));
            subnets.put(id, subnet);
        }
        return Optional.ofNullable(subnet);
    }

    /** An existing subnet, never created on demand. */
    public Optional<SimSubnet> existingSubnet(String id) {
        return Optional.ofNullable(subnets.get(id));
    }

    public Collection<SimSubnet> subnets() {
        return subnets.values();
    }

    public void addInterface(SimNetworkInterface eni) {
        interfaces.put(eni.id(), eni);
    }

    public Optional<SimNetworkInterface> networkInterface(String id) {
        return Optional.ofNullable(interfaces.get(id));
    }

    public void removeInterface(String id) {
        interfaces.remove(id);
    }

    public Collection<SimNetworkInterface> interfaces() {
        return interfaces.values();
    }
}
