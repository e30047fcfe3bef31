package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fargatereconciler.sim.sns.RecordedSnsMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;

class SnsOperationsTest {
    private final SimulatorFixture world = new SimulatorFixture();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void publishedMessagesAreRecordedWithTopicSubjectAndTime() {
        String topic = world.sns.createTopic(r -> r.name("on-call")).topicArn();
        assertThat(topic).isEqualTo("arn:aws:sns:us-east-1:123456789012:on-call");
        world.advance(Duration.ofMinutes(3));

        String id = world.sns.publish(r -> r.topicArn(topic).subject("TaskGroup/api gave up")
                .message("{\"group\":\"api\"}")).messageId();

        assertThat(world.admin().snsMessages()).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(id);
            assertThat(m.topicArn()).isEqualTo(topic);
            assertThat(m.subject()).isEqualTo("TaskGroup/api gave up");
            assertThat(m.message()).isEqualTo("{\"group\":\"api\"}");
            assertThat(m.time()).isEqualTo(world.clock.instant());
        });
    }

    @Test
    void seededTopicsExistAndCreateTopicIsIdempotent() {
        assertThat(world.sns.listTopics().topics()).extracting(t -> t.topicArn())
                .containsExactly("arn:aws:sns:us-east-1:123456789012:reconciler-alerts");
        String again = world.sns.createTopic(r -> r.name("reconciler-alerts")).topicArn();
        assertThat(world.sns.listTopics().topics()).hasSize(1).first()
                .satisfies(t -> assertThat(t.topicArn()).isEqualTo(again));
    }

    @Test
    void publishingToAnUnknownTopicOrAnEmptyMessageFailsAsSnsDoes() {
        assertThatThrownBy(() -> world.sns.publish(r -> r.topicArn("arn:aws:sns:us-east-1:123456789012:ghost")
                .message("hi"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.sns.publish(r -> r.topicArn("arn:aws:sns:us-east-1:123456789012:"
                + "reconciler-alerts").message(""))).isInstanceOf(InvalidParameterException.class);
        assertThat(world.admin().snsMessages()).extracting(RecordedSnsMessage::message).isEmpty();
    }
}
