package io.fargatereconciler.sim.sns;

import io.fargatereconciler.sim.http.QueryError;
import io.fargatereconciler.sim.http.QueryRequest;
import io.fargatereconciler.sim.http.XmlWriter;
import io.fargatereconciler.sim.world.Simulation;
import java.time.Instant;

/**
 * SNS (query protocol, API version 2010-03-31): CreateTopic, ListTopics, GetTopicAttributes and Publish (messages are
 * recorded).
 */
public final class SnsApi {
    public static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final Simulation sim;

    public SnsApi(Simulation sim) {
        this.sim = sim;
    }

    public boolean handles(String action) {
        return action.equals("CreateTopic") || action.equals("ListTopics") || action.equals("Publish")
                || action.equals("GetTopicAttributes");
    }

    public String handle(String action, QueryRequest request, String requestId) {
        sim.calls().call("sns:" + action);
        XmlWriter xml = new XmlWriter().open(action + "Response", NAMESPACE).open(action + "Result");
        sim.apply(now -> {
            if (sim.faults().takeInjectedFailure("sns:" + action)) {
                throw new QueryError("InternalError", "An internal error has occurred (injected)", 500);
            }
            switch (action) {
                case "CreateTopic" -> createTopic(request, xml);
                case "ListTopics" -> listTopics(xml);
                case "GetTopicAttributes" -> topicAttributes(request, xml);
                case "Publish" -> publish(request, now, xml);
                default -> throw QueryError.badRequest("InvalidAction", "Unknown action " + action);
            }
            return null;
        });
        return xml.close(action + "Result").open("ResponseMetadata").leaf("RequestId", requestId)
                .close("ResponseMetadata").close(action + "Response").toString();
    }

    private void createTopic(QueryRequest request, XmlWriter xml) {
        String name = request.get("Name");
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,256}(\\.fifo)?")) {
            throw QueryError.badRequest("InvalidParameter", "Invalid parameter: Topic Name");
        }
        xml.leaf("TopicArn", sim.sns().createTopic(name));
    }

    private void listTopics(XmlWriter xml) {
        xml.open("Topics");
        sim.sns().topicArns().forEach(arn -> xml.open("member").leaf("TopicArn", arn).close("member"));
        xml.close("Topics");
    }

    private void topicAttributes(QueryRequest request, XmlWriter xml) {
        String topicArn = request.get("TopicArn");
        if (topicArn == null) {
            throw QueryError.badRequest("InvalidParameter",
                    "Invalid parameter: TopicArn Reason: no value for required parameter");
        }
        String name = sim.sns().topic(topicArn).orElseThrow(() -> new QueryError("NotFound", "Topic does not exist",
                404));
        xml.open("Attributes");
        for (String[] entry : new String[][] {{"TopicArn", topicArn}, {"DisplayName", name},
                {"Owner", sim.config().accountId()}, {"SubscriptionsConfirmed", "0"}, {"SubscriptionsPending", "0"}}) {
            xml.open("entry").leaf("key", entry[0]).leaf("value", entry[1]).close("entry");
        }
        xml.close("Attributes");
    }

    private void publish(QueryRequest request, long now, XmlWriter xml) {
        String topicArn = request.get("TopicArn") != null ? request.get("TopicArn") : request.get("TargetArn");
        if (topicArn == null) {
            throw QueryError.badRequest("InvalidParameter",
                    "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        }
        String message = request.get("Message");
        if (message == null || message.isEmpty()) {
            throw QueryError.badRequest("InvalidParameter", "Invalid parameter: Empty message");
        }
        String subject = request.get("Subject");
        if (subject != null && (subject.isEmpty() || subject.length() > 100)) {
            throw QueryError.badRequest("InvalidParameter", "Invalid parameter: Subject");
        }
        if (sim.sns().topic(topicArn).isEmpty()) {
            throw new QueryError("NotFound", "Topic does not exist", 404);
        }
        String messageId = sim.ids().uuid();
        sim.sns().record(new RecordedSnsMessage(messageId, topicArn, subject, message, Instant.ofEpochMilli(now)));
        xml.leaf("MessageId", messageId);
    }
}
