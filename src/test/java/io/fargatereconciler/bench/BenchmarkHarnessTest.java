package io.fargatereconciler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark scenario at tiny scale, on every build, so the harness cannot rot silently: its invariants hold and
 * it still writes a report with charts. The full run is {@code ./mvnw -B -Pbenchmarks verify} ({@link BenchmarkRun}).
 */
@QuarkusTest
class BenchmarkHarnessTest {
    @Inject
    EcsConfig ecsConfig;

    @Test
    void everyScenarioRunsAtTinyScaleWithItsInvariantsAndWritesTheReport() throws Exception {
        BenchmarkResults results = Harness.run(ecsConfig, Harness.Scale.TINY, List.of(), null, null);

        SteadyStateScenario.Result steady = results.steady().get(0);
        assertThat(steady.reconciler().listCalls() + steady.reconciler().describeCalls())
                .as("ours observes at the floor").isEqualTo(steady.floor());
        assertThat(steady.reconciler().otherCalls()).as("no ECS call but ListTasks and DescribeTasks in steady state")
                .allSatisfy((operation, perPass) -> assertThat(operation).doesNotStartWith("ecs:"));
        assertThat(steady.reconciler().launchesDuringPasses()).as("nothing to launch in steady state").isZero();
        assertThat(steady.reconciler().ecsCallsCountedByStrategy()).as("our own count of ECS calls = the simulator's")
                .isEqualTo(steady.reconciler().ecsCallsCountedBySimulator());
        assertThat(steady.naive().ecsCallsCountedByStrategy()).isEqualTo(steady.naive().ecsCallsCountedBySimulator());

        List<MassFailureScenario.Result> mass = results.massFailure().results();
        assertThat(mass).extracting(MassFailureScenario.Result::strategy).containsExactly(TargetCheck.OURS,
                TargetCheck.OURS_WITH_EVENTS, "naive 30 s loop", "Step Functions recipe");
        assertThat(mass).extracting(run -> run.timeline().size()).as("sampled every 5 s for 20 min").allMatch(n -> n > 200);
        assertThat(mass).filteredOn(run -> run.ecsCallsCountedByStrategy() >= 0).hasSize(3)
                .extracting(MassFailureScenario.Result::ecsCallsCountedByStrategy)
                .as("each loop's own count of ECS calls = the simulator's")
                .containsExactlyElementsOf(mass.stream().filter(run -> run.ecsCallsCountedByStrategy() >= 0)
                        .map(MassFailureScenario.Result::ecsCallsCountedBySimulator).toList());
        assertThat(mass.subList(0, 2)).extracting(MassFailureScenario.Result::peakOvershoot)
                .as("ours never overshoots, polling or with events").containsOnly(0);
        assertThat(mass).extracting(MassFailureScenario.Result::timeToFullStrength).filteredOn(t -> t != null)
                .as("nobody has every copy running sooner than a typical start-up")
                .allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(
                        LaunchRateBound.typicalStartup(MassFailureScenario.config())));
        assertThat(results.massFailure().budgetBound()).as("our budget keeps a reserve: never faster than the account")
                .isGreaterThanOrEqualTo(results.massFailure().accountBound());

        assertThat(results.jobs()).extracting(JobsDayScenario.Result::strategy).containsExactly(TargetCheck.OURS,
                "Step Functions recipe", TargetCheck.OURS_WITH_EVENTS);
        assertThat(results.jobs()).allSatisfy(day -> {
            assertThat(day.runs()).as(day.strategy() + ": runs of 2 jobs every 30 min for 3 h").hasSize(12);
            assertThat(day.startDelays()).as(day.strategy() + ": no run RUNNING within 10 s of its time (the start-up"
                    + " tail's fastest draws are about 15 s)")
                    .allSatisfy(delay -> assertThat(delay).isGreaterThanOrEqualTo(Duration.ofSeconds(10)));
        });
        JobsDayScenario.Result recipe = results.jobs().get(1);
        assertThat(recipe.notifications()).as("the recipe notifies once per run it gave up")
                .isEqualTo(recipe.runs().size() - recipe.started());

        FalseStallScenario.Result falseStalls = results.falseStalls();
        assertThat(falseStalls.launched()).as("20 copies, each replaced after 15 min").isGreaterThanOrEqualTo(40);
        assertThat(falseStalls.falseStalls()).as("false stalls are among the stall-stops")
                .isLessThanOrEqualTo(falseStalls.stallStops());
        assertThat(falseStalls.runningAtEnd()).isLessThanOrEqualTo(falseStalls.desired());

        assertThat(results.shared()).extracting(SharedAccountScenario.Result::strategy)
                .containsExactly(TargetCheck.OURS, "fargate-reconciler, no reserve", "naive 30 s loop");
        assertThat(results.shared()).allSatisfy(run -> {
            assertThat(run.otherCalls()).as("the other user launches one task every 200 ms for 4 min")
                    .isBetween(1195L, 1205L);
            assertThat(run.runningAtEnd()).isEqualTo(40);
        });
        assertThat(results.shared().subList(0, 2)).extracting(SharedAccountScenario.Result::peakOvershoot)
                .containsOnly(0);

        ReactionScenario.Result polling = results.reaction().get(0);
        ReactionScenario.Result events = results.reaction().get(1);
        assertThat(polling.missed() + events.missed()).as("every stopped copy is replaced").isZero();
        assertThat(polling.reactions()).as("polling waits for the next resync (30 s, jitter 10 %)")
                .allSatisfy(reaction -> assertThat(reaction).isLessThan(Duration.ofSeconds(34)));
        assertThat(events.reactions()).as("events make the pass happen: list + describe latency, no resync")
                .allSatisfy(reaction -> assertThat(reaction).isLessThan(Duration.ofSeconds(1)));

        Path docs = Path.of("target/benchmark-harness-test");
        Path report = BenchmarkReport.write(results, docs);
        assertThat(Files.readString(report)).contains("## Targets", "## Mass failure", "Step Functions recipe",
                "naive 30 s loop", "benchmarks/mass-failure.png", "benchmarks/job-start-delays.png", "## False stalls",
                "## Shared account", "False stalls: stall-stops of tasks that would have started");
        assertThat(docs.resolve("benchmarks/mass-failure.png")).isNotEmptyFile();
        assertThat(docs.resolve("benchmarks/job-start-delays.png")).isNotEmptyFile();
    }
}
