package io.fargatereconciler.sim.sns;

import java.time.Instant;

/**
 * A message published to a simulated SNS topic.
 *
 * @param messageId the id Publish answered with
 * @param topicArn  the topic
 * @param subject   the subject, or null
 * @param message   the message body
 * @param time      when it was published (simulated time)
 */
public record RecordedSnsMessage(String messageId, String topicArn, String subject, String message, Instant time) {
}
