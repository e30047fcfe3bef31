package io.fargatereconciler.sim.ec2;

import io.fargatereconciler.sim.http.XmlWriter;
import java.util.Map;

/** EC2 response elements, named as the EC2 model's locationNames. */
final class Ec2Xml {
    private Ec2Xml() {
    }

    static void subnet(XmlWriter xml, SimSubnet subnet, String region, String accountId) {
        xml.open("item")
                .leaf("subnetId", subnet.id())
                .leaf("subnetArn", "arn:aws:ec2:" + region + ":" + accountId + ":subnet/" + subnet.id())
                .leaf("state", "available")
                .leaf("vpcId", subnet.vpcId())
                .leaf("ownerId", accountId)
                .leaf("cidrBlock", subnet.cidr().toString())
                .leaf("availableIpAddressCount", subnet.availableIps())
                .leaf("availabilityZone", subnet.availabilityZone())
                .leaf("availabilityZoneId", zoneId(region, subnet.availabilityZone()))
                .leaf("defaultForAz", false)
                .leaf("mapPublicIpOnLaunch", false)
                .leaf("assignIpv6AddressOnCreation", false)
                .open("ipv6CidrBlockAssociationSet").close("ipv6CidrBlockAssociationSet")
                .open("tagSet").close("tagSet")
                .close("item");
    }

    static void networkInterfaceFields(XmlWriter xml, SimNetworkInterface eni, String accountId) {
        xml.leaf("networkInterfaceId", eni.id())
                .leaf("subnetId", eni.subnet().id())
                .leaf("vpcId", eni.subnet().vpcId())
                .leaf("availabilityZone", eni.subnet().availabilityZone())
                .leaf("description", eni.description() == null ? "" : eni.description())
                .leaf("ownerId", accountId)
                .leaf("requesterManaged", eni.requesterManaged())
                .leaf("status", eni.status())
                .leaf("macAddress", eni.macAddress())
                .leaf("privateIpAddress", eni.privateIp())
                .leaf("privateDnsName", "ip-" + eni.privateIp().replace('.', '-') + ".ec2.internal")
                .leaf("sourceDestCheck", true)
                .leaf("interfaceType", "interface")
                .open("groupSet");
        eni.securityGroups().forEach(g -> xml.open("item").leaf("groupId", g).close("item"));
        xml.close("groupSet").open("tagSet");
        for (Map.Entry<String, String> tag : eni.tags().entrySet()) {
            xml.open("item").leaf("key", tag.getKey()).leaf("value", tag.getValue()).close("item");
        }
        xml.close("tagSet")
                .open("privateIpAddressesSet").open("item")
                .leaf("privateIpAddress", eni.privateIp()).leaf("primary", true)
                .close("item").close("privateIpAddressesSet")
                .open("ipv6AddressesSet").close("ipv6AddressesSet");
    }

    /** A zone id in AWS's shape, e.g. {@code euw1-az2} for eu-west-1b. */
    private static String zoneId(String region, String zone) {
        String[] parts = region.split("-");
        String prefix = parts.length == 3 ? parts[0] + parts[1].charAt(0) + parts[2] : region;
        return prefix + "-az" + (zone.charAt(zone.length() - 1) - 'a' + 1);
    }
}
