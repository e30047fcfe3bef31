package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.NamedValue;
import io.fargatereconciler.desired.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** {@code spec.network}: the awsvpc subnets, security groups and public IP switch. */
final class NetworkMapper {
    /** ECS accepts at most 16 subnets and 5 security groups in an awsvpc configuration. */
    static final int MAX_SUBNETS = 16;
    static final int MAX_SECURITY_GROUPS = 5;

    private NetworkMapper() {
    }

    static Optional<Network> map(MappingReader network, List<NamedValue> named) {
        int mark = network.problems().mark();
        network.required("subnets");
        List<String> subnets = ids(network, "subnets", AwsNames::subnetProblem, MAX_SUBNETS,
                item -> id -> named.add(network.named(NamedValue.What.SUBNET, item, id)));
        if (subnets.isEmpty() && network.value("subnets").filter(MappingReader::isEmptyList).isPresent()) {
            network.error("subnets", "must list at least one subnet");
        }
        List<String> securityGroups = ids(network, "securityGroups", AwsNames::securityGroupProblem,
                MAX_SECURITY_GROUPS, item -> id -> named.add(network.named(NamedValue.What.SECURITY_GROUP, item, id)));
        boolean assignPublicIp = network.bool("assignPublicIp").orElse(false);
        network.rejectUnknownFields();
        if (!network.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new Network(subnets, securityGroups, assignPublicIp));
    }

    /** Reads a list of ids of one shape, none twice; {@code taken} hears of each id accepted, with its list item. */
    static List<String> ids(MappingReader network, String key, Function<String, Optional<String>> shape, int max,
                            Function<MappingReader.Item, Consumer<String>> taken) {
        List<String> ids = new ArrayList<>();
        network.list(key).ifPresent(items -> {
            if (items.size() > max) {
                network.error(key, "lists " + items.size() + " ids; ECS accepts at most " + max);
            }
            for (MappingReader.Item item : items) {
                network.text(item).ifPresent(id -> {
                    Optional<String> problem = shape.apply(id);
                    if (problem.isPresent()) {
                        network.problems().add(item.node(), item.path(), problem.get());
                    } else if (ids.contains(id)) {
                        network.problems().add(item.node(), item.path(), id + " is listed twice");
                    } else {
                        ids.add(id);
                        taken.apply(item).accept(id);
                    }
                });
            }
        });
        return ids;
    }
}
