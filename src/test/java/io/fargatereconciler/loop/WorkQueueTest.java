package io.fargatereconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aKeyAddedBeforeTheWaitStartsEndsTheWaitAtOnce() throws InterruptedException {
        WorkQueue<String> queue = new WorkQueue<>();
        long seen = queue.changes();
        queue.addAt("api", T0);

        long started = System.nanoTime();
        queue.awaitChange(seen, Duration.ofMinutes(1).toMillis());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void collapsesDuplicateKeysKeepingTheEarliestTime() {
        WorkQueue<String> queue = new WorkQueue<>();
        queue.addAt("api", T0.plusSeconds(30));
        queue.addAt("api", T0.plusSeconds(10));
        queue.addAt("api", T0.plusSeconds(20));

        assertThat(queue.depth()).isEqualTo(1);
        assertThat(queue.nextDueAt()).contains(T0.plusSeconds(10));
    }

    @Test
    void handsOutOnlyKeysThatAreDue() {
        WorkQueue<String> queue = new WorkQueue<>();
        queue.addAt("api", T0);
        queue.addAt("worker", T0.plusSeconds(60));

        assertThat(queue.takeDue(T0.plusSeconds(1))).containsExactly("api");
        assertThat(queue.takeDue(T0.plusSeconds(2))).isEmpty();
        assertThat(queue.takeDue(T0.plusSeconds(60))).containsExactly("worker");
        assertThat(queue.depth()).isZero();
    }

    @Test
    void aKeyTakenCanBeQueuedAgain() {
        WorkQueue<String> queue = new WorkQueue<>();
        queue.addAt("api", T0);
        queue.takeDue(T0);
        queue.addAt("api", T0.plusSeconds(5));

        assertThat(queue.nextDueAt()).contains(T0.plusSeconds(5));
    }
}
