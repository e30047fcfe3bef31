package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fargatereconciler.sim.faults.ThrottleCategory;
import io.fargatereconciler.sim.world.Simulation;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECS operations behind {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>}: counts the call,
 * applies the throttling buckets and the random server errors of the fault model, then runs the operation on the
 * world. Returns the response body or throws {@link EcsError}.
 */
public final class EcsApi {
    /** An ECS operation on a parsed request at a point in simulated time. */
    @FunctionalInterface
    private interface Operation {
        ObjectNode run(EcsRequest request, long nowMillis);
    }

    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";

    private final Simulation sim;
    private final Map<String, Operation> operations = new HashMap<>();

    public EcsApi(Simulation sim) {
        this.sim = sim;
        ClusterOperations clusters = new ClusterOperations(sim.ecs());
        TaskDefinitionOperations definitions = new TaskDefinitionOperations(sim.ecs(), sim.config().accountId());
        RunTaskOperation runTask = new RunTaskOperation(sim);
        TaskOperations tasks = new TaskOperations(sim);
        TagOperations tags = new TagOperations(sim.ecs());
        operations.put("CreateCluster", clusters::createCluster);
        operations.put("DescribeClusters", clusters::describeClusters);
        operations.put("ListClusters", clusters::listClusters);
        operations.put("RegisterTaskDefinition", definitions::register);
        operations.put("DescribeTaskDefinition", definitions::describe);
        operations.put("ListTaskDefinitions", definitions::list);
        operations.put("RunTask", runTask::runTask);
        operations.put("StopTask", tasks::stopTask);
        operations.put("ListTasks", tasks::listTasks);
        operations.put("DescribeTasks", tasks::describeTasks);
        operations.put("TagResource", tags::tagResource);
        operations.put("UntagResource", tags::untagResource);
        operations.put("ListTagsForResource", tags::listTagsForResource);
    }

    /** Handles one call; {@code operationName} is the part of X-Amz-Target after the dot. */
    public ObjectNode handle(String operationName, byte[] body) {
        sim.calls().call("ecs:" + operationName);
        Operation operation = operations.get(operationName);
        if (operation == null) {
            throw EcsError.unknownOperation(TARGET_PREFIX + operationName);
        }
        EcsRequest request = new EcsRequest(parse(body));
        return sim.apply(now -> {
            if (!sim.faults().throttler().tryAcquire(categories(operationName), 1, now)) {
                sim.calls().throttled("ecs:" + operationName);
                throw EcsError.throttling();
            }
            double serverErrors = sim.faults().model().api().serverErrorProbability();
            if (sim.faults().takeInjectedFailure("ecs:" + operationName)
                    || (serverErrors > 0 && sim.random().nextDouble() < serverErrors)) {
                throw EcsError.server();
            }
            return operation.run(request, now);
        });
    }

    private static List<ThrottleCategory> categories(String operation) {
        return switch (operation) {
            case "RunTask" -> List.of(ThrottleCategory.RUN_STOP, ThrottleCategory.FARGATE_RUN_TASK);
            case "StopTask" -> List.of(ThrottleCategory.RUN_STOP);
            case "ListTasks", "DescribeTasks" -> List.of(ThrottleCategory.DESCRIBE_LIST);
            default -> List.of(ThrottleCategory.OTHER);
        };
    }

    private static ObjectNode parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return EcsJson.object();
        }
        try {
            JsonNode node = EcsJson.MAPPER.readTree(text);
            if (!(node instanceof ObjectNode object)) {
                throw EcsError.serialization("The request body must be a JSON object.");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw EcsError.serialization("Malformed JSON: " + e.getOriginalMessage());
        }
    }
}
