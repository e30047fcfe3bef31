package io.fargatereconciler.plan.subnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.TaskStatus;
import io.fargatereconciler.plan.Ownership;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What observations teach the subnet book: provisioning times, and stalls judged against them. */
class SubnetLearningTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String OWNER = Ownership.DEFAULT_OWNER_ID;
    private static final ResourceKey API = ResourceKey.taskGroup("api");

    @Test
    void eachStartIsSampledOnceInTheFirstObservationThatShowsIt() {
        ObservedState first = observed(T0, started("t1", "subnet-a", T0.minusSeconds(40), Duration.ofSeconds(12)));

        SubnetHealthBook book = SubnetLearning.learn(SubnetHealthBook.EMPTY, first, OWNER, T0).book();
        book = SubnetLearning.learn(book, first, OWNER, T0).book();
        book = SubnetLearning.learn(book, observed(T0.plusSeconds(30),
                started("t1", "subnet-a", T0.minusSeconds(40), Duration.ofSeconds(12))), OWNER, T0.plusSeconds(30)).book();

        assertThat(book.account().samples()).singleElement()
                .satisfies(sample -> assertThat(sample.took()).isEqualTo(Duration.ofSeconds(12)));
        assertThat(book.health("subnet-a").lastStartedAt()).isEqualTo(T0.minusSeconds(28));
        assertThat(book.standing("subnet-a", T0).tier()).isEqualTo(SubnetStanding.Tier.HEALTHY);
    }

    @Test
    void whileTooFewStartsAreKnownTheCapIsTheThreshold() {
        SubnetLearning.Learned at80s = SubnetLearning.learn(SubnetHealthBook.EMPTY,
                observed(T0, provisioning("t1", "subnet-b", T0.minusSeconds(80))), OWNER, T0);
        SubnetLearning.Learned at100s = SubnetLearning.learn(SubnetHealthBook.EMPTY,
                observed(T0, provisioning("t1", "subnet-b", T0.minusSeconds(100))), OWNER, T0);

        assertThat(at80s.stalls()).isEmpty();
        assertThat(at80s.stallsAt()).containsEntry("t1", T0.minusSeconds(80).plusSeconds(90));
        assertThat(at100s.stalls()).containsKey("t1");
        assertThat(at100s.stalls().get("t1").threshold().learned()).as("the 90 s cap").isFalse();
    }

    @Test
    void aTaskPastTheLearnedThresholdIsAStallCountedOnceAgainstItsSubnetAtOnce() {
        SubnetHealthBook book = SubnetLearning.learn(SubnetHealthBook.EMPTY, healthyStarts(120, "subnet-a"), OWNER,
                T0).book();
        ObservedState stuck = observed(T0.plusSeconds(10), provisioning("stuck", "subnet-b", T0.minusSeconds(35)));

        SubnetLearning.Learned first = SubnetLearning.learn(book, stuck, OWNER, T0.plusSeconds(10));
        SubnetLearning.Learned again = SubnetLearning.learn(first.book(), stuck, OWNER, T0.plusSeconds(10));

        Stall stall = first.stalls().get("stuck");
        assertThat(stall.threshold().value()).as("1.5 x the p99 of 10-12 s starts, raised to the 30 s floor")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(stall.stopReason()).startsWith("stalled in PROVISIONING for 45s in subnet-b, "
                + "over the stall threshold 30s (1.5 x the p99 of 120 recent starts");
        assertThat(first.counted()).containsExactly(stall);
        assertThat(again.stalls()).containsKey("stuck");
        assertThat(again.counted()).as("counted once").isEmpty();
        assertThat(again.book().health("subnet-b").recentFailures()).isEqualTo(1);
        assertThat(again.book().standing("subnet-b", T0.plusSeconds(10)).state())
                .isEqualTo(SubnetStanding.State.STALLED);
    }

    @Test
    void aSlowHealthyTaskUnderTheThresholdLearnedFromATailIsLeftAlone() {
        List<ObservedTask> starts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Duration took = Duration.ofSeconds(i < 97 ? 10 + i % 5 : 60); // 3 % slow starts of a minute
            starts.add(started("s" + i, "subnet-a", T0.minusSeconds(600 - i), took));
        }
        SubnetHealthBook book = SubnetLearning.learn(SubnetHealthBook.EMPTY, observed(T0, starts), OWNER, T0).book();

        SubnetLearning.Learned slow = SubnetLearning.learn(book,
                observed(T0.plusSeconds(5), provisioning("slow", "subnet-a", T0.minusSeconds(80))), OWNER,
                T0.plusSeconds(5));

        assertThat(slow.stalls()).isEmpty();
        assertThat(slow.stallsAt()).containsEntry("slow", T0.minusSeconds(80).plusSeconds(90));
        assertThat(slow.book().stallThreshold("subnet-a").basis()).contains("p99 of 100 recent starts (60s)");
    }

    @Test
    void tasksStillStartingKeepAFewFastFinishersFromSettingAThresholdTooLow() {
        ProvisioningTimes fast = ProvisioningTimes.NONE.with(fastSamples(30), 2000);
        List<ProvisioningTimes.Pending> stillStarting = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stillStarting.add(new ProvisioningTimes.Pending(T0.plusSeconds(i), Duration.ofSeconds(25)));
        }

        assertThat(fast.quantile(0.99, List.of(), 20)).as("the fast finishers alone").contains(Duration.ofSeconds(10));
        assertThat(fast.quantile(0.99, stillStarting, 20)).as("half the cohort still starting: not known yet")
                .isEmpty();
    }

    private static List<ProvisioningTimes.Sample> fastSamples(int count) {
        List<ProvisioningTimes.Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new ProvisioningTimes.Sample(T0.plusSeconds(i), Duration.ofSeconds(10)));
        }
        return samples;
    }

    private static ObservedState healthyStarts(int count, String subnet) {
        List<ObservedTask> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(started("h" + i, subnet, T0.minusSeconds(1500 - i * 10L), Duration.ofSeconds(10 + i % 3)));
        }
        return observed(T0, tasks);
    }

    private static ObservedState observed(Instant at, ObservedTask... tasks) {
        return observed(at, List.of(tasks));
    }

    private static ObservedState observed(Instant at, List<ObservedTask> tasks) {
        return new ObservedState(Map.of("prod", new ObservedCluster("prod", tasks, at)));
    }

    private static ObservedTask provisioning(String arn, String subnet, Instant createdAt) {
        return new ObservedTask(arn, "prod", API, "h1", OWNER, TaskStatus.PROVISIONING, TaskStatus.RUNNING, createdAt,
                null, null, subnet, null, null, null, List.of(), Map.of(), null);
    }

    private static ObservedTask started(String arn, String subnet, Instant createdAt, Duration took) {
        return new ObservedTask(arn, "prod", API, "h1", OWNER, TaskStatus.RUNNING, TaskStatus.RUNNING, createdAt,
                createdAt.plus(took).plusSeconds(25), null, subnet, null, null, null, List.of(), Map.of(),
                createdAt.plus(took));
    }
}
