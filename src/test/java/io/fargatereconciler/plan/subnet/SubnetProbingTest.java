package io.fargatereconciler.plan.subnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subnets without a recent successful start are probed before they get the full launch rate. */
class SubnetProbingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<String> SUBNETS = List.of("subnet-a", "subnet-b");

    @Test
    void withNothingKnownEverySubnetIsProbedAndNoneTakesTheFullRate() {
        SubnetChoice choice = SubnetRanking.choose(SUBNETS, SubnetHealthBook.EMPTY, Map.of(), T0);

        assertThat(choice.probing()).containsExactlyElementsOf(SUBNETS);
        assertThat(choice.probingOnly()).isTrue();
        assertThat(choice.allBad()).isFalse();
        assertThat(choice.troubled()).as("being probed is nothing to tell people about").isEmpty();
    }

    @Test
    void aSubnetWhereACopyRecentlyLeftProvisioningTakesTheFullRateWhileTheOtherIsProbed() {
        SubnetHealthBook book = SubnetHealthBook.EMPTY.afterStarted("subnet-a", T0.minusSeconds(20));

        SubnetChoice choice = SubnetRanking.choose(SUBNETS, book, Map.of(), T0);

        assertThat(choice.subnets()).containsExactly("subnet-a");
        assertThat(choice.probing()).containsExactly("subnet-b");
        assertThat(choice.probingOnly()).isFalse();
        assertThat(choice.avoided()).as("a probed subnet is not avoided").isEmpty();
    }

    @Test
    void aSubnetQuietForLongerThanRecentSuccessIsProbedAgain() {
        SubnetHealthBook book = SubnetHealthBook.EMPTY.afterStarted("subnet-a", T0);

        assertThat(book.standing("subnet-a", T0.plus(Duration.ofMinutes(29))).tier())
                .isEqualTo(SubnetStanding.Tier.HEALTHY);
        assertThat(book.standing("subnet-a", T0.plus(Duration.ofMinutes(31))).state())
                .isEqualTo(SubnetStanding.State.PROBING);
    }

    @Test
    void aSubnetRecoveringFromFailuresIsProbedUntilACopyStartsThereAgain() {
        SubnetHealthBook book = SubnetHealthBook.EMPTY.afterStarted("subnet-a", T0)
                .afterFailure("subnet-a", SubnetFailureKind.ENI_PROVISIONING_STALLED, "stalled", T0.plusSeconds(60),
                        T0.plusSeconds(60));

        assertThat(book.standing("subnet-a", T0.plusSeconds(90)).state()).as("one stall: suspect, shown as stalled")
                .isEqualTo(SubnetStanding.State.STALLED);
        Instant decayed = T0.plusSeconds(60).plus(Duration.ofMinutes(6));
        assertThat(book.standing("subnet-a", decayed).state()).as("forgiven, but not proven again")
                .isEqualTo(SubnetStanding.State.PROBING);
        assertThat(book.afterStarted("subnet-a", decayed).standing("subnet-a", decayed.plusSeconds(1)).state())
                .isEqualTo(SubnetStanding.State.HEALTHY);
    }
}
