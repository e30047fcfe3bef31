package io.fargatereconciler.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fargatereconciler.testing.ElasticMq;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsEventQueueGatewayTest {
    private static ElasticMq sqs;
    private static SqsClient client;

    @BeforeAll
    static void startElasticMq() {
        sqs = ElasticMq.start();
        client = sqs.client();
    }

    @AfterAll
    static void stopElasticMq() {
        client.close();
        sqs.close();
    }

    @Test
    void releasedMessagesAreReceivedAgainAtOnceAndCountAsRedelivered() {
        String url = sqs.createQueue("released");
        SqsEventQueueGateway queue = new SqsEventQueueGateway(client,
                new EventQueueSettings(url, 10, Duration.ofSeconds(1)));
        sqs.send(url, "hint");

        List<QueueMessage> first = queue.receive();
        queue.release(first);
        List<QueueMessage> again = queue.receive();

        assertThat(first).singleElement().satisfies(message -> assertThat(message.isFirstDelivery()).isTrue());
        assertThat(again).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("hint");
            assertThat(message.receiveCount()).isEqualTo(2);
        });
        assertThat(queue.delete(again)).isZero();
        assertThat(sqs.messagesOn(url)).isZero();
    }

    @Test
    void deletesMoreThanOneBatchOfTen() {
        String url = sqs.createQueue("many");
        SqsEventQueueGateway queue = new SqsEventQueueGateway(client,
                new EventQueueSettings(url, 10, Duration.ofSeconds(1)));
        for (int i = 0; i < 15; i++) {
            sqs.send(url, "hint " + i);
        }
        List<QueueMessage> received = new java.util.ArrayList<>(queue.receive());
        received.addAll(queue.receive());

        assertThat(queue.delete(received)).isZero();
        assertThat(sqs.messagesOn(url)).isEqualTo(15 - received.size());
    }

    @Test
    void tellsWhetherTheQueueHasADeadLetterQueue() {
        String plain = sqs.createQueue("no-redrive");
        String guarded = sqs.createQueueWithDeadLetterQueue("with-redrive", 5, Duration.ofSeconds(30)).url();

        assertThat(new SqsEventQueueGateway(client, EventQueueSettings.longPolling(plain)).hasDeadLetterQueue())
                .isFalse();
        assertThat(new SqsEventQueueGateway(client, EventQueueSettings.longPolling(guarded)).hasDeadLetterQueue())
                .isTrue();
    }

    @Test
    void rejectsABatchLargerThanSqsAllows() {
        assertThatThrownBy(() -> new EventQueueSettings("http://queue", 11, Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reconciler.events.max-messages is 11");
    }
}
