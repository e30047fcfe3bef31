package io.fargatereconciler.aws;

import java.util.Optional;

/** Sends notifications (SNS in production). Errors are values: a notification that could not be sent is reported. */
public interface Notifier {
    /** Publishes {@code notification}; returns why it failed, or empty when it was accepted. */
    Optional<String> publish(Notification notification);
}
