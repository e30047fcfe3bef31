package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.desired;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.observed;
import static io.fargatereconciler.plan.Fixtures.running;
import static io.fargatereconciler.plan.Fixtures.stopped;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.StopCause;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientTokensTest {
    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);
    private final TaskGroup api = group("api", 2);
    private final ResourceKey key = api.key();

    private String tokenOf(Plan plan) {
        return plan.launches().get(0).clientToken();
    }

    @Test
    void isAtMost64CharactersAndDependsOnGroupSpecLiveCopiesAndSequence() {
        String token = ClientTokens.derive(key, "abc", List.of("arn:2", "arn:1"), 0);

        assertThat(token).hasSizeLessThanOrEqualTo(64).matches("[0-9a-f]{32}-0");
        assertThat(ClientTokens.derive(key, "abc", List.of("arn:1", "arn:2"), 0)).isEqualTo(token);
        assertThat(List.of(ClientTokens.derive(ResourceKey.taskGroup("web"), "abc", List.of("arn:1", "arn:2"), 0),
                ClientTokens.derive(key, "abd", List.of("arn:1", "arn:2"), 0),
                ClientTokens.derive(key, "abc", List.of("arn:1"), 0),
                ClientTokens.derive(key, "abc", List.of("arn:1", "arn:2"), 1))).doesNotContain(token);
    }

    @Test
    void aDaemonRestartedBeforeListTasksShowsItsLaunchRepeatsTheTokenSoEcsStartsNothingNew() {
        ObservedState oneRunning = observed(T0, running(api, "arn:1", T0.minusSeconds(600)));
        Plan beforeCrash = planner.plan(desired(api), oneRunning, PlannerMemory.initial(1), T0);

        Plan afterRestart = planner.plan(desired(api), oneRunning, PlannerMemory.initial(99), T0.plusSeconds(20));

        assertThat(tokenOf(afterRestart)).isEqualTo(tokenOf(beforeCrash));
    }

    @Test
    void aLaunchThatLandedChangesTheTokenOfTheNextOneWithoutTheGroupsMemory() {
        Plan first = planner.plan(desired(api), observed(T0, running(api, "arn:1", T0)), Fixtures.runningDaemon(), T0);
        // The launch landed as arn:2; later arn:1 stops and one copy is missing again.
        ObservedState landed = observed(T0.plusSeconds(300), running(api, "arn:2", T0.plusSeconds(30)),
                stopped(api, "arn:1", StopCause.STOPPED_BY_USER, T0, T0.plusSeconds(200)));

        Plan next = planner.plan(desired(api), landed, Fixtures.runningDaemon(), T0.plusSeconds(300));

        assertThat(tokenOf(next)).isNotEqualTo(tokenOf(first)).endsWith("-0");
    }

    @Test
    void whenTheLiveSetReturnsToAnEarlierValueTheUsedTokenIsSkipped() {
        ObservedState oneRunning = observed(T0, running(api, "arn:1", T0.minusSeconds(600)));
        Plan first = planner.plan(desired(api), oneRunning, PlannerMemory.initial(1), T0);
        PlannerMemory memory = planner.afterLaunch(first.memory(), first.launches().get(0),
                LaunchResult.started(List.of("arn:2"), List.of()), T0);
        // arn:2 runs, is stopped by a person, and the group is back to {arn:1}.
        ObservedState back = observed(T0.plusSeconds(600), running(api, "arn:1", T0.minusSeconds(600)),
                stopped(api, "arn:2", StopCause.STOPPED_BY_USER, T0.plusSeconds(30), T0.plusSeconds(590)));

        Plan again = planner.plan(desired(api), back, memory, T0.plusSeconds(600));

        assertThat(tokenOf(again)).isNotEqualTo(tokenOf(first)).endsWith("-1");
    }

    @Test
    void afterARestartATokenEcsAnsweredWithStoppedTasksMovesOnToTheNextSequence() {
        ObservedState oneRunning = observed(T0, running(api, "arn:1", T0.minusSeconds(600)));
        Plan plan = planner.plan(desired(api), oneRunning, PlannerMemory.initial(1), T0);
        PlannerMemory memory = planner.afterLaunch(plan.memory(), plan.launches().get(0),
                LaunchResult.tokenReused(List.of("arn:old-stopped")), T0);

        Plan next = planner.plan(desired(api), observed(T0.plusSeconds(1), running(api, "arn:1",
                T0.minusSeconds(600))), memory, T0.plusSeconds(1));

        assertThat(tokenOf(plan)).endsWith("-0");
        assertThat(tokenOf(next)).endsWith("-1");
        assertThat(next.groups().get(key).failures()).as("reuse is not the group's failure").isZero();
    }

    @Test
    void aTokenConflictExpectsTheEarlierCallsCopiesAndMovesOn() {
        Plan plan = planner.plan(desired(api), observed(T0), PlannerMemory.initial(1), T0);
        PlannerMemory memory = planner.afterLaunch(plan.memory(), plan.launches().get(0),
                LaunchResult.tokenConflict("ConflictException"), T0);
        Duration timeout = PlannerConfig.DEFAULTS.expectationTimeout();

        Plan during = planner.plan(desired(api), observed(T0.plusSeconds(5)), memory, T0.plusSeconds(5));
        Plan after = planner.plan(desired(api), observed(T0.plus(timeout)), during.memory(), T0.plus(timeout));

        assertThat(during.launches()).isEmpty();
        assertThat(tokenOf(after)).isNotEqualTo(tokenOf(plan));
    }

    @Test
    void remembersAtMostAHundredTokensAndForgetsThemAfterADay() {
        ClientTokens tokens = ClientTokens.NONE;
        for (int i = 0; i < 150; i++) {
            tokens = tokens.afterUse("token-" + i, T0.plusSeconds(i));
        }
        ClientTokens dayLater = tokens.afterUse("late", T0.plus(Duration.ofHours(25)));

        assertThat(tokens.used()).hasSize(100).containsKey("token-149").doesNotContainKey("token-49");
        assertThat(dayLater.used()).containsOnlyKeys("late");
    }
}
