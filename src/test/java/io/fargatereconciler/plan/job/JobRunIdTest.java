package io.fargatereconciler.plan.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobRunIdTest {
    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void aRunTagReadsBackToTheSameRun() {
        JobRunId scheduled = JobRunId.scheduled("nightly", TEN);
        JobRunId once = JobRunId.forSpec("migrate", "1a2b3c4d5e6f");

        assertThat(scheduled.tagValue()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(once.tagValue()).isEqualTo("spec-1a2b3c4d5e6f");
        assertThat(JobRunId.fromTag("nightly", scheduled.tagValue())).contains(scheduled);
        assertThat(JobRunId.fromTag("migrate", once.tagValue())).contains(once);
    }

    @Test
    void aTagThatIsNotARunIsIgnored() {
        assertThat(JobRunId.fromTag("nightly", null)).isEmpty();
        assertThat(JobRunId.fromTag("nightly", "yesterday")).isEmpty();
        assertThat(JobRunId.fromTag("nightly", "spec-")).isEmpty();
        assertThat(JobRunId.fromTag("nightly", "2024-05-01T10:00:00.5Z")).isEmpty();
    }

    @Test
    void clientTokensDifferByJobRunAndAttemptAndFitECSLimit() {
        Set<String> tokens = new HashSet<>();
        for (String job : new String[] {"nightly", "hourly"}) {
            for (int attempt = 1; attempt <= 50; attempt++) {
                tokens.add(JobRunId.scheduled(job, TEN).clientToken(attempt));
                tokens.add(JobRunId.scheduled(job, TEN.plusSeconds(60)).clientToken(attempt));
                tokens.add(JobRunId.forSpec(job, "abc").clientToken(attempt));
            }
        }

        assertThat(tokens).hasSize(300).allSatisfy(token -> assertThat(token).hasSizeLessThanOrEqualTo(64));
        assertThat(JobRunId.scheduled("nightly", TEN).clientToken(2)).isEqualTo(JobRunId.scheduled("nightly", TEN).clientToken(2));
    }

    @Test
    void aRunIsIdentifiedByATimeOrASpecNotBoth() {
        assertThatThrownBy(() -> new JobRunId("nightly", TEN, "abc")).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new JobRunId("nightly", null, null)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> JobRunId.scheduled("nightly", TEN).clientToken(0)).hasMessageContaining("1-based");
    }
}
