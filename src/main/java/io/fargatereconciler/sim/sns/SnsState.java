package io.fargatereconciler.sim.sns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Topics (seeded by the config or made by CreateTopic) and the messages published to them. At most
 * {@value #MAX_MESSAGES} messages are kept; older ones are dropped. Guarded by the simulation lock.
 */
public final class SnsState {
    public static final int MAX_MESSAGES = 10_000;

    private final String region;
    private final String accountId;
    private final Map<String, String> topicsByArn = new LinkedHashMap<>();
    private final List<RecordedSnsMessage> messages = new ArrayList<>();

    public SnsState(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /** Creates the topic (idempotent, as SNS CreateTopic is) and returns its ARN. */
    public String createTopic(String name) {
        String arn = "arn:aws:sns:" + region + ":" + accountId + ":" + name;
        topicsByArn.putIfAbsent(arn, name);
        return arn;
    }

    public Optional<String> topic(String arn) {
        return Optional.ofNullable(topicsByArn.get(arn));
    }

    public List<String> topicArns() {
        return List.copyOf(topicsByArn.keySet());
    }

    public void record(RecordedSnsMessage message) {
        if (messages.size() >= MAX_MESSAGES) {
            messages.remove(0);
        }
        messages.add(message);
    }

    public List<RecordedSnsMessage> messages() {
        return List.copyOf(messages);
    }

    public void clearMessages() {
        messages.clear();
    }
}
