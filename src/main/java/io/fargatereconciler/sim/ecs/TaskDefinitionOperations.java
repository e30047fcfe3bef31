package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/** RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions. */
final class TaskDefinitionOperations {
    private final EcsState ecs;
    private final String accountId;

    TaskDefinitionOperations(EcsState ecs, String accountId) {
        this.ecs = ecs;
        this.accountId = accountId;
    }

    ObjectNode register(EcsRequest req, long now) {
        SimTaskDefinition definition = TaskDefinitionRegistry.register(ecs, req.body(), now);
        ObjectNode response = EcsJson.object();
        response.set("taskDefinition", TaskDefinitionRegistry.render(definition, accountId));
        response.set("tags", EcsJson.tags(definition.tags()));
        return response;
    }

    ObjectNode describe(EcsRequest req, long now) {
        SimTaskDefinition definition = ecs.definition(req.requiredString("taskDefinition"))
                .orElseThrow(() -> EcsError.client("Unable to describe task definition."));
        ObjectNode response = EcsJson.object();
        response.set("taskDefinition", TaskDefinitionRegistry.render(definition, accountId));
        if (req.strings("include").contains("TAGS")) {
            response.set("tags", EcsJson.tags(definition.tags()));
        }
        return response;
    }

    ObjectNode list(EcsRequest req, long now) {
        String prefix = req.string("familyPrefix");
        String status = req.string("status");
        if (status != null && !status.equals("ACTIVE") && !status.equals("INACTIVE")
                && !status.equals("DELETE_IN_PROGRESS")) {
            throw EcsError.invalidParameter("status must be one of ACTIVE, INACTIVE, DELETE_IN_PROGRESS.");
        }
        List<String> arns = new ArrayList<>();
        if (status == null || status.equals("ACTIVE")) {
            for (NavigableMap<Integer, SimTaskDefinition> revisions : ecs.definitions().values()) {
                for (SimTaskDefinition definition : revisions.values()) {
                    if (prefix == null || definition.family().equals(prefix)) {
                        arns.add(definition.arn());
                    }
                }
            }
        }
        if ("DESC".equals(req.string("sort"))) {
            java.util.Collections.reverse(arns);
        }
        return Paging.page(req, arns, "taskDefinitionArns");
    }
}
