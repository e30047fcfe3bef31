package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource on clusters, tasks and task definitions. */
final class TagOperations {
    private final EcsState ecs;

    TagOperations(EcsState ecs) {
        this.ecs = ecs;
    }

    ObjectNode tagResource(EcsRequest req, long now) {
        Map<String, String> existing = tagsOf(req.requiredString("resourceArn"));
        Map<String, String> added = EcsJson.readTags(req.node("tags"));
        long total = existing.size() + added.keySet().stream().filter(k -> !existing.containsKey(k)).count();
        if (total > 50) {
            throw EcsError.invalidParameter("Tags can have a maximum of 50 entries. The resource would have "
                    + total + ".");
        }
        existing.putAll(added);
        return EcsJson.object();
    }

    ObjectNode untagResource(EcsRequest req, long now) {
        Map<String, String> existing = tagsOf(req.requiredString("resourceArn"));
        req.strings("tagKeys").forEach(existing::remove);
        return EcsJson.object();
    }

    ObjectNode listTagsForResource(EcsRequest req, long now) {
        ObjectNode response = EcsJson.object();
        response.set("tags", EcsJson.tags(tagsOf(req.requiredString("resourceArn"))));
        return response;
    }

    /** The live, mutable tag map of the resource. */
    private Map<String, String> tagsOf(String arn) {
        Arns arns = ecs.arns();
        if (arns.isArn(arn, "cluster")) {
            return ecs.cluster(arn).map(SimCluster::tags).orElseThrow(TagOperations::notFound);
        }
        if (arns.isArn(arn, "task-definition")) {
            return ecs.definition(arn).map(SimTaskDefinition::tags).orElseThrow(TagOperations::notFound);
        }
        if (arns.isArn(arn, "task")) {
            SimTask task = ecs.taskByArn(arn).orElseThrow(TagOperations::notFound);
            return new TaskTags(task);
        }
        throw EcsError.invalidParameter("The ARN provided is invalid: " + arn);
    }

    private static EcsError notFound() {
        return EcsError.invalidParameter("The specified resource is not found.");
    }

    /** A view of a task's tags that writes through, since a task keeps no map until it has tags. */
    private static final class TaskTags extends java.util.AbstractMap<String, String> {
        private final SimTask task;

        TaskTags(SimTask task) {
            this.task = task;
        }

        @Override
        public java.util.Set<Entry<String, String>> entrySet() {
            return task.tags().entrySet();
        }

        @Override
        public String put(String key, String value) {
            String previous = task.tags().get(key);
            task.putTags(Map.of(key, value));
            return previous;
        }

        @Override
        public String remove(Object key) {
            return task.tags().isEmpty() ? null : task.tags().remove(key);
        }
    }
}
