package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.TaskGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Over a sequence of passes against a {@link FakeWorld} whose ListTasks lags, whose calls are throttled at times,
 * and whose daemon restarts (memory lost) at random passes, the planner starts exactly the copies that were
 * missing: never one more, whatever the lag.
 */
class LaggingObservationPropertiesTest {

    @Property(tries = 150)
    void totalLaunchedNeverExceedsTheMissingCount(@ForAll @IntRange(min = 1, max = 40) int desired,
                                                  @ForAll @IntRange(min = 0, max = 90) int lagSeconds,
                                                  @ForAll @IntRange(min = 1, max = 20) int passSeconds,
                                                  @ForAll @IntRange(min = 0, max = 4) int throttleEvery,
                                                  @ForAll @Size(max = 5) Set<@IntRange(min = 0, max = 30) Integer> restarts) {
        TaskGroup api = Fixtures.group("api", desired);
        FakeWorld.Faults throttling = new FakeWorld.Faults() {
            @Override
            public boolean throttles(Instant now, int callNumber) {
                return throttleEvery > 1 && callNumber % throttleEvery == 0;
            }
        };
        FakeWorld world = FakeWorld.empty(new FakeWorld.Settings(Duration.ofSeconds(lagSeconds),
                Duration.ofSeconds(15), Duration.ofSeconds(60), throttling));
        PassRunner run = new PassRunner(new Planner(PlannerConfig.DEFAULTS), Fixtures.desired(api), world, T0,
                Duration.ofSeconds(passSeconds), r -> assertThat(r.live(api.key())).isLessThanOrEqualTo(desired));

        for (int pass = 0; pass < 60; pass++) {
            if (restarts.contains(pass)) {
                run.restart();
            }
            run.pass();
        }
        run.runFor(Duration.ofMinutes(5));

        assertThat(run.world.nextId()).as("copies ever started").isEqualTo(desired);
        assertThat(run.running(api.key())).isEqualTo(desired);
    }
}
