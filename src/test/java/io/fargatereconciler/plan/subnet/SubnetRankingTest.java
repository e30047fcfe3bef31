package io.fargatereconciler.plan.subnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Steering by failures and free IPs (probing switched off here; {@link SubnetProbingTest} covers it). */
class SubnetRankingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<String> SUBNETS = List.of("subnet-a", "subnet-b", "subnet-c");
    static final SubnetHealthBook NO_PROBES = SubnetHealthBook.empty(SubnetHealthSettings.DEFAULTS.withStall(
            new StallSettings(true, 0.99, 1.5, Duration.ofSeconds(30), Duration.ofSeconds(90), 100, 2000, 0,
                    Duration.ofSeconds(5), Duration.ofMinutes(30))));

    @Test
    void withNothingKnownEverySubnetIsUsedInTheSpecsOrder() {
        SubnetChoice choice = SubnetRanking.choose(SUBNETS, NO_PROBES, Map.of(), T0);

        assertThat(choice.subnets()).containsExactlyElementsOf(SUBNETS);
        assertThat(choice.unhealthy()).isEmpty();
        assertThat(choice.allBad()).isFalse();
    }

    @Test
    void oneEniFailureSteersLaunchesToTheHealthySubnets() {
        SubnetHealthBook book = NO_PROBES.afterFailure("subnet-b", SubnetFailureKind.ENI_PROVISIONING,
                "Timeout waiting for network interface provisioning to complete.", T0, T0);

        SubnetChoice choice = SubnetRanking.choose(SUBNETS, book, Map.of(), T0.plusSeconds(10));

        assertThat(choice.subnets()).containsExactly("subnet-a", "subnet-c");
        assertThat(choice.avoided()).extracting(SubnetStanding::subnetId).containsExactly("subnet-b");
        assertThat(choice.troubled()).as("a single failure is no streak").isEmpty();
    }

    @Test
    void failuresAreForgivenAsTheScoreDecays() {
        SubnetHealthBook book = failures(NO_PROBES, "subnet-b", 3, T0);

        assertThat(book.standing("subnet-b", T0).tier()).isEqualTo(SubnetStanding.Tier.AVOIDED);
        assertThat(book.standing("subnet-b", T0.plus(Duration.ofMinutes(5))).tier())
                .isEqualTo(SubnetStanding.Tier.SUSPECT);
        assertThat(book.standing("subnet-b", T0.plus(Duration.ofMinutes(14))).tier())
                .as("3 halved 2.6 times is below 0.5").isEqualTo(SubnetStanding.Tier.HEALTHY);
    }

    @Test
    void aCopyRunningSinceTheLastFailureClearsTheScore() {
        SubnetHealthBook book = failures(NO_PROBES, "subnet-b", 3, T0)
                .afterStarted("subnet-b", T0.plusSeconds(60));

        assertThat(book.standing("subnet-b", T0.plusSeconds(61)).tier()).isEqualTo(SubnetStanding.Tier.HEALTHY);
        assertThat(book.health("subnet-b").recentFailures()).isZero();
    }

    @Test
    void aCopyThatStartedBeforeTheFailuresProvesNothing() {
        SubnetHealthBook book = failures(NO_PROBES, "subnet-b", 3, T0)
                .afterStarted("subnet-b", T0.minusSeconds(600));

        assertThat(book.standing("subnet-b", T0).tier()).isEqualTo(SubnetStanding.Tier.AVOIDED);
    }

    @Test
    void aSubnetWithoutFreeIpsIsNeverChosenWhileAnotherHasSome() {
        SubnetHealthBook book = NO_PROBES.withFreeIps("subnet-a", 0, "eu-west-1a", T0)
                .withFreeIps("subnet-b", 40, "eu-west-1b", T0);

        SubnetChoice choice = SubnetRanking.choose(List.of("subnet-a", "subnet-b"), book, Map.of(), T0);

        assertThat(choice.subnets()).containsExactly("subnet-b");
        assertThat(choice.troubled()).extracting(SubnetStanding::why)
                .containsExactly(SubnetStanding.Trouble.NO_FREE_IPS);
    }

    @Test
    void aStaleFreeIpCountIsNotTrusted() {
        SubnetHealthBook book = NO_PROBES.withFreeIps("subnet-a", 0, null, T0);

        SubnetChoice choice = SubnetRanking.choose(List.of("subnet-a", "subnet-b"), book, Map.of(),
                T0.plus(Duration.ofMinutes(6)));

        assertThat(choice.subnets()).containsExactly("subnet-a", "subnet-b");
    }

    @Test
    void launchesGoToTheSubnetsWithFewerOfTheGroupsCopies() {
        SubnetChoice choice = SubnetRanking.choose(SUBNETS, NO_PROBES, Map.of("subnet-a", 4, "subnet-b", 1), T0);

        assertThat(choice.subnets()).containsExactly("subnet-c", "subnet-b");
    }

    @Test
    void whenEverySubnetIsBadTheLeastBadOneIsUsedAndSaidSo() {
        SubnetHealthBook book = failures(NO_PROBES, "subnet-a", 5, T0);
        book = failures(book, "subnet-b", 3, T0);
        book = book.withFreeIps("subnet-c", 0, null, T0);

        SubnetChoice choice = SubnetRanking.choose(SUBNETS, book, Map.of(), T0);

        assertThat(choice.allBad()).isTrue();
        assertThat(choice.subnets()).as("free IPs beat none; then the lowest score").containsExactly("subnet-b");
        assertThat(choice.troubled()).hasSize(3);
    }

    @Test
    void anOldFailureLearntLateCountsForLess() {
        SubnetHealthBook book = NO_PROBES.afterFailure("subnet-a", SubnetFailureKind.ENI_PROVISIONING,
                "timeout", T0.minus(Duration.ofMinutes(10)), T0);

        assertThat(book.standing("subnet-a", T0).score()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
    }

    static SubnetHealthBook failures(SubnetHealthBook book, String subnet, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            book = book.afterFailure(subnet, SubnetFailureKind.ENI_PROVISIONING,
                    "Timeout waiting for network interface provisioning to complete.", at, at);
        }
        return book;
    }
}
