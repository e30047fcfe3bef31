package io.fargatereconciler.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fargatereconciler.aws.Notification;
import io.fargatereconciler.aws.Notifier;
import io.fargatereconciler.desired.NotificationEvent;
import io.fargatereconciler.desired.Notifications;
import io.fargatereconciler.desired.ResourceKey;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one path from an event worth telling people about to SNS, for Jobs and TaskGroups alike: only for the events
 * the resource's {@code notifications.on} lists, to its {@code notifications.topicArn} or the daemon's default topic,
 * as a JSON message with a readable subject. Without a topic the event is only logged; a failed Publish is logged
 * and not retried (the next state change sends again).
 */
public final class NotificationPublisher {
    private static final Logger LOG = Logger.getLogger(NotificationPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Notifier notifier;
    private final Optional<String> defaultTopicArn;

    public NotificationPublisher(Notifier notifier, Optional<String> defaultTopicArn) {
        this.notifier = notifier;
        this.defaultTopicArn = defaultTopicArn;
    }

    /** Notifications are only logged. */
    public static NotificationPublisher loggedOnly() {
        return new NotificationPublisher(notification -> Optional.of("notifications are switched off"),
                Optional.empty());
    }

    /** Publishes {@code body} (plain data: maps, lists, strings, numbers, instants) if {@code settings} wants it. */
    void publish(ResourceKey resource, Notifications settings, NotificationEvent kind, String subject,
                 Map<String, Object> body) {
        if (!settings.on().contains(kind)) {
            return;
        }
        String topic = settings.topicArn() != null ? settings.topicArn() : defaultTopicArn.orElse(null);
        if (topic == null) {
            DecisionLine.group(resource, "notify").with("event", kind).with("result", "skipped").quoted("reason",
                    "no topic: set notifications.topicArn or reconciler.notifications.default-topic-arn").info(LOG);
            return;
        }
        Optional<String> error = notifier.publish(new Notification(topic, kind, resource, subject, json(body)));
        if (error.isPresent()) {
            DecisionLine.group(resource, "notify").with("event", kind).with("topic", topic).with("result", "failed")
                    .quoted("reason", error.get()).warn(LOG);
        } else {
            DecisionLine.group(resource, "notify").with("event", kind).with("topic", topic).with("result", "ok")
                    .quoted("subject", subject).info(LOG);
        }
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification body is plain data and always serialises", e);
        }
    }
}
