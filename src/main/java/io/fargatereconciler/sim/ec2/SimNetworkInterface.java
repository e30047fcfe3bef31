package io.fargatereconciler.sim.ec2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An elastic network interface: one created through EC2 CreateNetworkInterface, or one Fargate created for a task
 * (requester-managed, in use, described as the task's attachment).
 */
public final class SimNetworkInterface {
    private final String id;
    private final SimSubnet subnet;
    private final String privateIp;
    private final String macAddress;
    private final String description;
    private final boolean requesterManaged;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<String> securityGroups;

    public SimNetworkInterface(String id, SimSubnet subnet, String privateIp, String macAddress, String description,
                               boolean requesterManaged, List<String> securityGroups) {
        this.id = id;
        this.subnet = subnet;
        this.privateIp = privateIp;
        this.macAddress = macAddress;
        this.description = description;
        this.requesterManaged = requesterManaged;
        this.securityGroups = List.copyOf(securityGroups);
    }

    public String id() {
        return id;
    }

    public SimSubnet subnet() {
        return subnet;
    }

    public String privateIp() {
        return privateIp;
    }

    public String macAddress() {
        return macAddress;
    }

    public String description() {
        return description;
    }

    public boolean requesterManaged() {
        return requesterManaged;
    }

    public String status() {
        return requesterManaged ? "in-use" : "available";
    }

    public Map<String, String> tags() {
        return tags;
    }

    public List<String> securityGroups() {
        return securityGroups;
    }
}
