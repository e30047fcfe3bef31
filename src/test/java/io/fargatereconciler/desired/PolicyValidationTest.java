package io.fargatereconciler.desired;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replicas, rollout, backoff and notifications: the values that would make a policy impossible. */
class PolicyValidationTest {
    @TempDir
    Path folder;
    DesiredStateFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DesiredStateFixture(folder);
    }

    @Test
    void rejectsNegativeReplicas() {
        assertThat(fixture.errorsOf(GROUP.replace("replicas: 2", "replicas: -1"))).containsExactly(
                "api.yaml:6:13 spec.replicas: must not be negative, not -1");
    }

    @Test
    void rejectsBackoffMaxBelowInitial() {
        assertThat(fixture.errorsOf(GROUP + "  backoff:\n    initial: 1m\n    max: 30s\n")).containsExactly(
                "api.yaml:14:10 spec.backoff.max: 30s is below initial (1m); raise max or lower initial");
    }

    @Test
    void rejectsBackoffInitialAboveTheDefaultMax() {
        assertThat(fixture.errorsOf(GROUP + "  backoff:\n    initial: 10m\n")).containsExactly(
                "api.yaml:13:14 spec.backoff.initial: 10m is above max (5m, the default); lower initial or set max");
    }

    @Test
    void rejectsDurationsWithoutAUnitAndZeroWaits() {
        assertThat(fixture.errorsOf(GROUP + "  backoff:\n    initial: 10\n    resetAfter: 0s\n")).containsExactly(
                "api.yaml:13:14 spec.backoff.initial: must be a duration such as 10s, 5m or 1h30m (units ms, s, m, h),"
                        + " not 10",
                "api.yaml:14:17 spec.backoff.resetAfter: must be longer than 0s");
    }

    @Test
    void rejectsAMultiplierBelowOne() {
        assertThat(fixture.errorsOf(GROUP + "  backoff:\n    multiplier: 0.5\n")).containsExactly(
                "api.yaml:13:17 spec.backoff.multiplier: must be between 1 and 100, not 0.5");
    }

    @Test
    void rejectsARolloutThatCouldNeverProceed() {
        assertThat(fixture.errorsOf(GROUP + "  rollout:\n    maxSurge: 0\n")).containsExactly(
                "api.yaml:13:15 spec.rollout.maxSurge: maxSurge and maxUnavailable cannot both be 0: a changed spec"
                        + " could never roll out");
    }

    @Test
    void rejectsAMalformedTopicArn() {
        assertThat(fixture.errorsOf(GROUP + "  notifications:\n    topicArn: arn:aws:sns:eu-west-1:123456789012:a b\n"))
                .containsExactly("api.yaml:13:15 spec.notifications.topicArn: malformed ARN (resource \"a b\" is not"
                        + " <name>); expected the shape of arn:aws:sns:eu-west-1:123456789012:alerts");
    }

    @Test
    void rejectsUnknownAndRepeatedNotificationEvents() {
        assertThat(fixture.errorsOf(GROUP + "  notifications:\n    on: [Degraded, Degraded, Failed]\n")).containsExactly(
                "api.yaml:13:20 spec.notifications.on[1]: Degraded is listed twice",
                "api.yaml:13:30 spec.notifications.on[2]: must be one of Degraded, Recovered, StartedAfterFailures,"
                        + " JobSucceeded, JobFailed, not Failed; did you mean 'JobFailed'?");
    }
}
