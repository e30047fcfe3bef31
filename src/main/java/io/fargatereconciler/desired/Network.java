package io.fargatereconciler.desired;

import java.util.List;

/** The awsvpc network configuration every Fargate task needs. */
public record Network(List<String> subnets, List<String> securityGroups, boolean assignPublicIp) {
    public Network {
        subnets = List.copyOf(subnets);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("network.subnets must list at least one subnet");
        }
    }
}
