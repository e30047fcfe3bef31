package io.fargatereconciler.plan.subnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of subnet steering over random health books, copy spreads and times. */
class SubnetRankingProperties {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<String> POOL = List.of("subnet-1", "subnet-2", "subnet-3", "subnet-4", "subnet-5");

    record Case(List<String> spec, SubnetHealthBook book, Map<String, Integer> live, Instant now) {
    }

    @Property
    void neverChoosesASubnetOutsideTheSpecNorNone(@ForAll("cases") Case c) {
        SubnetChoice choice = SubnetRanking.choose(c.spec(), c.book(), c.live(), c.now());

        assertThat(choice.subnets()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(c.spec()).containsAll(choice.subnets());
    }

    @Property
    void usesAnUnhealthySubnetOnlyWhenNoSubnetOfTheGroupIsHealthyOrProbing(@ForAll("cases") Case c) {
        SubnetChoice choice = SubnetRanking.choose(c.spec(), c.book(), c.live(), c.now());
        boolean anyHealthy = anyOf(c, SubnetStanding.Tier.HEALTHY);
        boolean anyProbing = anyOf(c, SubnetStanding.Tier.PROBING);

        SubnetStanding.Tier chosen = anyHealthy ? SubnetStanding.Tier.HEALTHY : SubnetStanding.Tier.PROBING;
        if (anyHealthy || anyProbing) {
            assertThat(choice.subnets()).allSatisfy(s ->
                    assertThat(c.book().standing(s, c.now()).tier()).isEqualTo(chosen));
        }
        assertThat(choice.probing()).allSatisfy(s ->
                assertThat(c.book().standing(s, c.now()).tier()).isEqualTo(SubnetStanding.Tier.PROBING));
        assertThat(choice.allBad()).isEqualTo(!anyHealthy && !anyProbing);
        if (choice.allBad()) {
            assertThat(choice.subnets()).hasSize(1);
        }
    }

    private static boolean anyOf(Case c, SubnetStanding.Tier tier) {
        return c.spec().stream().anyMatch(s -> c.book().standing(s, c.now()).tier() == tier);
    }

    @Property
    void neverChoosesAFullSubnetWhileAnotherHasFreeIps(@ForAll("cases") Case c) {
        SubnetChoice choice = SubnetRanking.choose(c.spec(), c.book(), c.live(), c.now());
        boolean someHaveIps = c.spec().stream()
                .anyMatch(s -> c.book().standing(s, c.now()).why() != SubnetStanding.Trouble.NO_FREE_IPS);

        if (someHaveIps) {
            assertThat(choice.subnets()).noneMatch(s ->
                    c.book().standing(s, c.now()).why() == SubnetStanding.Trouble.NO_FREE_IPS);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<String>> spec = Arbitraries.of(POOL).list().ofMinSize(1).ofMaxSize(5).uniqueElements();
        Arbitrary<List<int[]>> events = Arbitraries.integers().between(0, 4).array(int[].class).ofSize(3)
                .list().ofMaxSize(12);
        Arbitrary<Map<String, Integer>> live = Arbitraries.maps(Arbitraries.of(POOL), Arbitraries.integers()
                .between(0, 6)).ofMaxSize(5);
        Arbitrary<Integer> minutesLater = Arbitraries.integers().between(0, 40);
        return Combinators.combine(spec, events, live, minutesLater).as((s, e, l, later) ->
                new Case(s, book(e), new TreeMap<>(l), T0.plus(Duration.ofMinutes(later))));
    }

    /** Each event: {subnet index, what (0,1 ENI failure, 2 IP failure, 3 free IPs, 4 running), minute}. */
    private static SubnetHealthBook book(List<int[]> events) {
        SubnetHealthBook book = SubnetHealthBook.EMPTY;
        for (int[] event : events) {
            String subnet = POOL.get(event[0]);
            Instant at = T0.plus(Duration.ofMinutes(event[2] * 3L));
            book = switch (event[1]) {
                case 0, 1 -> book.afterFailure(subnet, SubnetFailureKind.ENI_PROVISIONING, "timeout", at, at);
                case 2 -> book.afterFailure(subnet, SubnetFailureKind.IP_EXHAUSTED, "no addresses", at, at);
                case 3 -> book.withFreeIps(subnet, event[2] % 2 == 0 ? 0 : 30, null, at);
                default -> book.afterStarted(subnet, at);
            };
        }
        return book;
    }
}
