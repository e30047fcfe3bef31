package io.fargatereconciler.sim.ec2;

import io.fargatereconciler.sim.http.QueryError;
import java.util.List;
import java.util.Map;

/** The DescribeNetworkInterfaces filters the simulator understands: tag:KEY, tag-key, subnet-id, status, vpc-id. */
final class Ec2Filters {
    private Ec2Filters() {
    }

    static boolean matches(Map<String, List<String>> filters, SimNetworkInterface eni) {
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            String name = filter.getKey();
            List<String> values = filter.getValue();
            boolean ok;
            if (name.startsWith("tag:")) {
                String value = eni.tags().get(name.substring(4));
                ok = value != null && values.contains(value);
            } else {
                ok = switch (name) {
                    case "tag-key" -> values.stream().anyMatch(eni.tags()::containsKey);
                    case "subnet-id" -> values.contains(eni.subnet().id());
                    case "vpc-id" -> values.contains(eni.subnet().vpcId());
                    case "status" -> values.contains(eni.status());
                    case "availability-zone" -> values.contains(eni.subnet().availabilityZone());
                    default -> throw QueryError.badRequest("InvalidParameterValue",
                            "The filter '" + name + "' is invalid");
                };
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
