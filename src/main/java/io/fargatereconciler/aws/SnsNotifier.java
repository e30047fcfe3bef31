package io.fargatereconciler.aws;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/** {@link Notifier} on SNS Publish. One attempt per notification (the SDK's standard retries only). */
public final class SnsNotifier implements Notifier {
    private static final int MAX_SUBJECT = 100;

    private final SnsClient sns;

    public SnsNotifier(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public Optional<String> publish(Notification notification) {
        String subject = notification.subject().replaceAll("[^\\x20-\\x7E]", "?");
        try {
            sns.publish(request -> request.topicArn(notification.topicArn())
                    .subject(subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject)
                    .message(notification.message()));
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of("SNS Publish to " + notification.topicArn() + " failed: " + e.getMessage());
        }
    }
}
