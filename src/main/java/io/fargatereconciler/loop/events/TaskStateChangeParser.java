package io.fargatereconciler.loop.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the EventBridge envelope that an SQS target receives as the message body: {@code source} "aws.ecs",
 * {@code detail-type} "ECS Task State Change", and a {@code detail} shaped like a DescribeTasks task. Unknown fields
 * are ignored (ECS adds fields over time).
 */
public final class TaskStateChangeParser {
    public static final String SOURCE = "aws.ecs";
    public static final String DETAIL_TYPE = "ECS Task State Change";

    private final ObjectMapper json = new ObjectMapper();

    public ParsedEvent parse(String body) {
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JsonProcessingException e) {
            return new ParsedEvent.Unparseable("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (event == null || !event.isObject()) {
            return new ParsedEvent.Unparseable("not a JSON object");
        }
        String source = event.path("source").asText("");
        String detailType = event.path("detail-type").asText("");
        if (!SOURCE.equals(source) || !DETAIL_TYPE.equals(detailType)) {
            return new ParsedEvent.Unparseable("not an ECS task state change (source \"" + source
                    + "\", detail-type \"" + detailType + "\"); the EventBridge rule should match only source "
                    + SOURCE + " and detail-type \"" + DETAIL_TYPE + "\"");
        }
        JsonNode detail = event.path("detail");
        String taskArn = text(detail, "taskArn");
        String clusterArn = text(detail, "clusterArn");
        if (taskArn == null || clusterArn == null) {
            return new ParsedEvent.Unparseable("detail.taskArn or detail.clusterArn is missing");
        }
        JsonNode version = detail.path("version");
        if (!version.isMissingNode() && !version.canConvertToLong()) {
            return new ParsedEvent.Unparseable("detail.version is not a number: " + version);
        }
        return new ParsedEvent.Change(new TaskStateChange(text(event, "id"), taskArn, clusterArn,
                text(detail, "lastStatus"), text(detail, "desiredStatus"), text(detail, "startedBy"),
                version.asLong(TaskStateChange.NO_VERSION)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
