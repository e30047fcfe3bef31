package io.fargatereconciler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keeps the performance scenario runnable: a small version of it must end with every task listed and RUNNING. */
class TenThousandTasksScenarioTest {

    @Test
    void aScaledDownScenarioListsAndDescribesEveryLaunchedTaskAsRunningWithoutThrottling() {
        TenThousandTasksScenario.Result result = TenThousandTasksScenario.run(2, 150);
        assertThat(result.tasksLaunched()).isEqualTo(300);
        assertThat(result.tasksRunningListed()).isEqualTo(300);
        assertThat(result.tasksRunningDescribed()).isEqualTo(300);
        assertThat(result.throttledCalls()).isZero();
    }
}
