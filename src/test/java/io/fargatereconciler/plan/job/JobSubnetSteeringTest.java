package io.fargatereconciler.plan.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.subnet.SubnetFailureKind;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Job attempts go where subnet steering sends them; a re-sent attempt keeps its clientToken and its subnets. */
class JobSubnetSteeringTest {
    private static final Instant START = Instant.parse("2024-05-01T09:59:00Z");
    private static final String ENI_TIMEOUT = "Timeout waiting for network interface provisioning to complete.";

    private static SubnetHealthBook failures(SubnetHealthBook book, String subnet, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            book = book.afterFailure(subnet, SubnetFailureKind.ENI_PROVISIONING, ENI_TIMEOUT, at, at);
        }
        return book;
    }

    /** A job due at 10:00 with {@code health} known; planned at 09:59 and at 10:00:10. */
    private static JobWorld dueAtTen(SubnetHealthBook health) {
        JobWorld world = new JobWorld(TestJobs.scheduled("0 10 * * *").completeWhen(CompleteWhen.Running).build(), START);
        world.subnetHealth = health;
        world.pass();
        world.advance(Duration.ofSeconds(70));
        return world;
    }

    @Test
    void firstAttemptSkipsTheSubnetWithAFailureStreak() {
        JobWorld world = dueAtTen(failures(SubnetHealthBook.EMPTY, "subnet-a", 2, START));

        world.pass();

        assertThat(world.launches).singleElement().satisfies(launch -> {
            assertThat(launch.subnets()).containsExactly("subnet-b");
            assertThat(launch.reason()).contains("avoiding subnet subnet-a: 2 ENI provisioning failures");
        });
    }

    @Test
    void withEverySubnetBadTheAttemptGoesToTheLeastBadOneOnly() {
        SubnetHealthBook health = failures(failures(SubnetHealthBook.EMPTY, "subnet-a", 4, START), "subnet-b", 2, START);
        JobWorld world = dueAtTen(health);

        world.pass();

        assertThat(world.launches).singleElement().satisfies(launch -> {
            assertThat(launch.subnets()).containsExactly("subnet-b");
            assertThat(launch.reason()).contains("no subnet is healthy, trying the least bad one, subnet-b");
        });
    }

    @Test
    void retryAfterAnEniTimeoutGoesToTheOtherSubnetWithANewToken() {
        JobWorld world = dueAtTen(SubnetHealthBook.EMPTY);
        world.pass();
        world.eniTimeout(world.lastArn());
        world.subnetHealth = failures(world.subnetHealth, "subnet-a", 1, world.now); // a streak: two failures

        world.pass();
        world.passAtWakeTimes(1);
        world.running(world.lastArn());
        world.pass();

        assertThat(world.launches).hasSize(2);
        assertThat(world.launches.get(0).subnets()).containsExactly("subnet-a", "subnet-b");
        assertThat(world.launches.get(1).subnets()).containsExactly("subnet-b");
        assertThat(world.launchesWithDistinctTokens()).isEqualTo(2);
        assertThat(world.finished(JobRunResult.Succeeded)).singleElement()
                .satisfies(run -> assertThat(run.startFailures()).isEqualTo(1));
        assertThat(world.conflicts).isEmpty();
    }

    @Test
    void reSentAttemptKeepsItsTokenAndSubnetsThoughSteeringChangedMeanwhile() {
        JobWorld world = dueAtTen(SubnetHealthBook.EMPTY);
        world.answersToLose = 1;
        world.hidden.add("arn:aws:ecs:eu-west-1:123456789012:task/jobs/t1"); // ListTasks lags: no sign of the task
        world.pass();
        world.subnetHealth = failures(world.subnetHealth, "subnet-a", 3, world.now); // subnet-a goes bad meanwhile

        world.advance(RunFollower.EXPECTATION_TIMEOUT);
        world.pass();

        assertThat(world.launches).hasSize(2);
        Launch first = world.launches.get(0);
        Launch resent = world.launches.get(1);
        assertThat(resent.clientToken()).isEqualTo(first.clientToken());
        assertThat(resent.subnets()).isEqualTo(first.subnets()).containsExactly("subnet-a", "subnet-b");
        assertThat(world.conflicts).isEmpty();
        assertThat(world.allTasks()).hasSize(1);
    }

    @Test
    void throttledAttemptIsSentAgainIntoTheSameSubnets() {
        JobWorld world = dueAtTen(SubnetHealthBook.EMPTY);
        world.nextRunTaskAnswers.add(launch -> JobLaunchResult.throttled("Rate exceeded"));
        world.pass();
        world.subnetHealth = failures(world.subnetHealth, "subnet-a", 3, world.now);

        world.passAtWakeTimes(1);

        assertThat(world.launches).hasSize(2);
        assertThat(world.launches.get(1).clientToken()).isEqualTo(world.launches.get(0).clientToken());
        assertThat(world.launches.get(1).subnets()).containsExactly("subnet-a", "subnet-b");
        assertThat(world.allTasks()).hasSize(1);
    }
}
