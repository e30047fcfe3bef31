package io.fargatereconciler.loop.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeaseTimingTest {

    @Test
    void defaultsAreATwentySecondLeaseRenewedEveryFiveSeconds() {
        assertThat(LeaseTiming.DEFAULTS.lease()).isEqualTo(Duration.ofSeconds(20));
        assertThat(LeaseTiming.DEFAULTS.renewEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(LeaseTiming.DEFAULTS.validity()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void rejectsAHeartbeatThatOneLostRenewalWouldTurnIntoLostLeadership() {
        assertThatThrownBy(() -> new LeaseTiming(Duration.ofSeconds(20), Duration.ofSeconds(8),
                Duration.ofSeconds(5), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reconciler.leader.heartbeat (PT8S) must be at most half");
    }

    @Test
    void rejectsASafetyMarginAsLongAsTheLease() {
        assertThatThrownBy(() -> new LeaseTiming(Duration.ofSeconds(20), Duration.ofSeconds(5),
                Duration.ofSeconds(20), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reconciler.leader.safety-margin");
    }
}
