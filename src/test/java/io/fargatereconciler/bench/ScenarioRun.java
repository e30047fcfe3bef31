package io.fargatereconciler.bench;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.SnsNotifier;
import io.fargatereconciler.engine.SimulatedAccount;
import io.fargatereconciler.loop.JobNotifications;
import io.fargatereconciler.sim.ApiCallStats;
import io.fargatereconciler.sim.AwsClients;
import io.fargatereconciler.sim.SimulatorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * One strategy's run of a scenario: a fresh simulated account built from the scenario file (so every strategy meets
 * the same seeded fault schedule), the strategy, and what must be closed afterwards.
 */
final class ScenarioRun implements AutoCloseable {
    /** The strategies a scenario can compare. */
    enum Contender {
        RECONCILER, RECONCILER_WITH_EVENTS, RECONCILER_WITHOUT_RESERVE, NAIVE_LOOP, STEP_FUNCTIONS_RECIPE
    }

    final SimulatedAccount account;
    final SimulatorConfig config;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private SnsClient sns;

    ScenarioRun(EcsConfig ecsConfig, SimulatorConfig config) {
        this.config = config;
        this.account = new SimulatedAccount(ecsConfig, config);
    }

    /** A scenario file under {@code src/test/resources/bench/}. */
    static SimulatorConfig file(String name) {
        return SimulatorConfig.fromClasspath("bench/" + name + ".yaml");
    }

    /** How long one ECS call takes a caller that calls one at a time ({@code faults.api.latencyMin}). */
    Duration callLatency() {
        return config.faults().api().latencyMin();
    }

    Strategy start(Contender contender, Workload workload, long seed) {
        return switch (contender) {
            case RECONCILER -> ReconcilerStrategy.polling(account, seed, callLatency());
            case RECONCILER_WITH_EVENTS -> ReconcilerStrategy.withEvents(account, seed, callLatency());
            case RECONCILER_WITHOUT_RESERVE -> ReconcilerStrategy.pollingWithoutReserve(account, seed, callLatency());
            case NAIVE_LOOP -> new NaiveLoopStrategy(workload, account.ecs, account.clock, callLatency());
            case STEP_FUNCTIONS_RECIPE -> recipe(true);
        };
    }

    StepFunctionsRecipe recipe(boolean replaceStoppedCopies) {
        StepFunctionsRecipe recipe = new StepFunctionsRecipe(AwsClients.ecs(account.simulator.endpoint()), sns(),
                topicArn(), account.clock, replaceStoppedCopies);
        resources.add(account.admin().addTaskStateChangeListener(recipe));
        return recipe;
    }

    /** Our Job notifications, sent with SNS Publish to the simulator. */
    JobNotifications snsNotifications() {
        return new JobNotifications(new SnsNotifier(sns()), Optional.empty());
    }

    String topicArn() {
        return "arn:aws:sns:" + config.region() + ":" + config.accountId() + ":" + config.topics().get(0);
    }

    /** Messages published to the scenario's topic. */
    long notifications() {
        return account.admin().snsMessages().stream().filter(m -> topicArn().equals(m.topicArn())).count();
    }

    ApiCallStats calls() {
        return account.admin().apiCalls();
    }

    /** Runs the strategy, moving the clock by {@code step} after each turn, until {@code total} has passed. */
    void runFor(Strategy strategy, Duration total, Duration step, Runnable afterEachStep) {
        var end = account.clock.instant().plus(total);
        while (account.clock.instant().isBefore(end)) {
            strategy.runDue();
            account.advance(step);
            afterEachStep.run();
        }
    }

    private SnsClient sns() {
        if (sns == null) {
            sns = AwsClients.sns(account.simulator.endpoint());
            resources.add(sns);
        }
        return sns;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close " + resources.get(i), e);
            }
        }
        account.close();
    }
}
