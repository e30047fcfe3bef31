package io.fargatereconciler.sim.ec2;

import io.fargatereconciler.sim.SubnetSeed;
import io.fargatereconciler.sim.http.QueryError;
import io.fargatereconciler.sim.http.QueryRequest;
import io.fargatereconciler.sim.http.XmlWriter;
import io.fargatereconciler.sim.world.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EC2 (query protocol, API version 2016-11-15): DescribeSubnets, DescribeSecurityGroups, CreateNetworkInterface,
 * DeleteNetworkInterface and DescribeNetworkInterfaces. In a subnet without free addresses CreateNetworkInterface fails with
 * InsufficientFreeAddressesInSubnet; during an ENI outage of the subnet with an InternalError; past the account's
 * network interface quota with NetworkInterfaceLimitExceeded.
 */
public final class Ec2Api {
    public static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    /** EC2's default quota of network interfaces per region. */
    public static final int NETWORK_INTERFACE_QUOTA = 5_000;
    private static final String DEFAULT_VPC = SubnetSeed.DEFAULT_VPC_ID;

    private final Simulation sim;

    public Ec2Api(Simulation sim) {
        this.sim = sim;
    }

    public boolean handles(String action) {
        return switch (action) {
            case "DescribeSubnets", "DescribeSecurityGroups", "CreateNetworkInterface", "DeleteNetworkInterface",
                 "DescribeNetworkInterfaces" -> true;
            default -> false;
        };
    }

    /** Runs the action and returns the XML response body, or throws {@link QueryError}. */
    public String handle(String action, QueryRequest request, String requestId) {
        sim.calls().call("ec2:" + action);
        return sim.apply(now -> {
            if (sim.faults().takeInjectedFailure("ec2:" + action)) {
                throw new QueryError("InternalError", "An internal error has occurred (injected)", 500);
            }
            return run(action, request, requestId, now);
        });
    }

    private String run(String action, QueryRequest request, String requestId, long now) {
        return switch (action) {
            case "DescribeSubnets" -> describeSubnets(request, requestId);
            case "DescribeSecurityGroups" -> describeSecurityGroups(request, requestId);
            case "CreateNetworkInterface" -> createNetworkInterface(request, requestId, now);
            case "DeleteNetworkInterface" -> deleteNetworkInterface(request, requestId);
            case "DescribeNetworkInterfaces" -> describeNetworkInterfaces(request, requestId);
            default -> throw QueryError.badRequest("InvalidAction", "The action " + action + " is not valid for "
                    + "this web service.");
        };
    }

    private String describeSubnets(QueryRequest request, String requestId) {
        List<SimSubnet> subnets = new ArrayList<>();
        List<String> ids = request.list("SubnetId");
        if (ids.isEmpty()) {
            subnets.addAll(sim.ec2().subnets());
        } else {
            for (String id : ids) {
                subnets.add(sim.ec2().subnet(id).orElseThrow(() -> QueryError.badRequest("InvalidSubnetID.NotFound",
                        "The subnet ID '" + id + "' does not exist")));
            }
        }
        Map<String, List<String>> filters = filters(request);
        XmlWriter xml = new XmlWriter().open("DescribeSubnetsResponse", NAMESPACE).leaf("requestId", requestId)
                .open("subnetSet");
        for (SimSubnet subnet : subnets) {
            if (matches(filters, "subnet-id", subnet.id()) && matches(filters, "vpc-id", subnet.vpcId())
                    && matches(filters, "availability-zone", subnet.availabilityZone())) {
                Ec2Xml.subnet(xml, subnet, sim.config().region(), sim.config().accountId());
            }
        }
        return xml.close("subnetSet").close("DescribeSubnetsResponse").toString();
    }

    /** Like EC2: a GroupId.N that does not exist fails the call; filters (group-id, vpc-id) only select. */
    private String describeSecurityGroups(QueryRequest request, String requestId) {
        List<String> ids = request.list("GroupId");
        for (String id : ids) {
            if (!sim.ec2().securityGroups().contains(id)) {
                throw QueryError.badRequest("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
            }
        }
        Map<String, List<String>> filters = filters(request);
        XmlWriter xml = new XmlWriter().open("DescribeSecurityGroupsResponse", NAMESPACE).leaf("requestId", requestId)
                .open("securityGroupInfo");
        for (String group : sim.ec2().securityGroups()) {
            if ((ids.isEmpty() || ids.contains(group)) && matches(filters, "group-id", group)
                    && matches(filters, "vpc-id", DEFAULT_VPC)) {
                xml.open("item").leaf("ownerId", sim.config().accountId()).leaf("groupId", group)
                        .leaf("groupName", group).leaf("groupDescription", "simulated security group " + group)
                        .leaf("vpcId", DEFAULT_VPC).open("ipPermissions").close("ipPermissions")
                        .open("ipPermissionsEgress").close("ipPermissionsEgress").open("tagSet").close("tagSet")
                        .close("item");
            }
        }
        return xml.close("securityGroupInfo").close("DescribeSecurityGroupsResponse").toString();
    }

    private String createNetworkInterface(QueryRequest request, String requestId, long now) {
        String subnetId = request.get("SubnetId");
        if (subnetId == null) {
            throw QueryError.badRequest("MissingParameter", "The request must contain the parameter subnetId");
        }
        SimSubnet subnet = sim.ec2().subnet(subnetId).orElseThrow(() -> QueryError.badRequest(
                "InvalidSubnetID.NotFound", "The subnet ID '" + subnetId + "' does not exist"));
        if ("true".equals(request.get("DryRun"))) {
            throw new QueryError("DryRunOperation",
                    "Request would have succeeded, but DryRun flag is set.", 412);
        }
        if (sim.faults().inOutage(subnetId, now)) {
            throw new QueryError("InternalError", "An internal error has occurred", 500);
        }
        if (sim.ec2().interfaces().size() >= NETWORK_INTERFACE_QUOTA) {
            throw QueryError.badRequest("NetworkInterfaceLimitExceeded", "You have reached the limit on network "
                    + "interfaces (" + NETWORK_INTERFACE_QUOTA + ") for this account and region.");
        }
        String ip = subnet.allocateIp();
        if (ip == null) {
            throw QueryError.badRequest("InsufficientFreeAddressesInSubnet",
                    "The specified subnet does not have enough free addresses to satisfy the request.");
        }
        SimNetworkInterface eni = new SimNetworkInterface(sim.ids().eniId(), subnet, ip, sim.ids().macAddress(),
                request.get("Description"), false, request.list("SecurityGroupId"));
        eni.tags().putAll(tagSpecifications(request));
        sim.ec2().addInterface(eni);
        XmlWriter xml = new XmlWriter().open("CreateNetworkInterfaceResponse", NAMESPACE).leaf("requestId", requestId)
                .open("networkInterface");
        Ec2Xml.networkInterfaceFields(xml, eni, sim.config().accountId());
        return xml.close("networkInterface").close("CreateNetworkInterfaceResponse").toString();
    }

    private String deleteNetworkInterface(QueryRequest request, String requestId) {
        String id = request.get("NetworkInterfaceId");
        SimNetworkInterface eni = (id == null ? null : sim.ec2().networkInterface(id).orElse(null));
        if (eni == null) {
            throw QueryError.badRequest("InvalidNetworkInterfaceID.NotFound",
                    "The networkInterface ID '" + id + "' does not exist");
        }
        if (eni.requesterManaged()) {
            throw QueryError.badRequest("InvalidNetworkInterface.InUse", "Interface: [" + id + "] in use.");
        }
        eni.subnet().releaseIp(eni.privateIp());
        sim.ec2().removeInterface(id);
        return new XmlWriter().open("DeleteNetworkInterfaceResponse", NAMESPACE).leaf("requestId", requestId)
                .leaf("return", true).close("DeleteNetworkInterfaceResponse").toString();
    }

    private String describeNetworkInterfaces(QueryRequest request, String requestId) {
        List<String> ids = request.list("NetworkInterfaceId");
        for (String id : ids) {
            if (sim.ec2().networkInterface(id).isEmpty()) {
                throw QueryError.badRequest("InvalidNetworkInterfaceID.NotFound",
                        "The networkInterface ID '" + id + "' does not exist");
            }
        }
        Map<String, List<String>> filters = filters(request);
        XmlWriter xml = new XmlWriter().open("DescribeNetworkInterfacesResponse", NAMESPACE)
                .leaf("requestId", requestId).open("networkInterfaceSet");
        for (SimNetworkInterface eni : sim.ec2().interfaces()) {
            if ((ids.isEmpty() || ids.contains(eni.id())) && Ec2Filters.matches(filters, eni)) {
                xml.open("item");
                Ec2Xml.networkInterfaceFields(xml, eni, sim.config().accountId());
                xml.close("item");
            }
        }
        return xml.close("networkInterfaceSet").close("DescribeNetworkInterfacesResponse").toString();
    }

    /** Filter.N.Name / Filter.N.Value.M as name → values. */
    static Map<String, List<String>> filters(QueryRequest request) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String filter : request.structures("Filter")) {
            filters.put(request.get(filter + ".Name"), request.list(filter + ".Value"));
        }
        return filters;
    }

    private static boolean matches(Map<String, List<String>> filters, String name, String value) {
        List<String> wanted = filters.get(name);
        return wanted == null || wanted.contains(value);
    }

    private static Map<String, String> tagSpecifications(QueryRequest request) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String spec : request.structures("TagSpecification")) {
            String type = request.get(spec + ".ResourceType");
            if (type != null && !type.equals("network-interface")) {
                throw QueryError.badRequest("InvalidParameterValue", "'" + type + "' is not a valid taggable "
                        + "resource type for this operation.");
            }
            for (String tag : request.structures(spec + ".Tag")) {
                tags.put(request.get(tag + ".Key"), request.get(tag + ".Value") == null ? ""
                        : request.get(tag + ".Value"));
            }
        }
        return tags;
    }
}
