package io.fargatereconciler.aws;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The EC2 calls of subnet steering and the test-ENI diagnosis, as values. Makes no decisions.
 */
public interface Ec2Gateway {
    /** The free IPs of the named subnets; ids EC2 does not know are left out (no error). */
    Ec2Result<List<SubnetCapacity>> describeSubnets(Collection<String> subnetIds);

    /** Creates a network interface in the subnet with these security groups and tags; answers its id. */
    Ec2Result<String> createNetworkInterface(String subnetId, List<String> securityGroups, String description,
                                             Map<String, String> tags);

    /** Deletes the interface; {@code false} when it was already gone. */
    Ec2Result<Boolean> deleteNetworkInterface(String networkInterfaceId);

    /** Ids of the interfaces tagged {@code tagKey=tagValue}. */
    Ec2Result<List<String>> networkInterfacesTagged(String tagKey, String tagValue);
}
