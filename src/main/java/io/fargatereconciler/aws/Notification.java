package io.fargatereconciler.aws;

import io.fargatereconciler.desired.NotificationEvent;
import io.fargatereconciler.desired.ResourceKey;
import java.util.Objects;

/**
 * One message to people: an SNS publish to {@code topicArn} about {@code resource}. {@code subject} is a short line
 * (SNS allows 100 ASCII characters; longer ones are cut), {@code message} the JSON body.
 */
public record Notification(String topicArn, NotificationEvent event, ResourceKey resource, String subject,
                           String message) {
    public Notification {
        Objects.requireNonNull(topicArn, "topicArn");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }
}
