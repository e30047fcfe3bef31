package io.fargatereconciler.devsim;

import io.fargatereconciler.plan.ThrottlePause;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Runs the seeding's ECS calls one after another, each retried while the simulator throttles it (or answers with a
 * server error) after a {@link ThrottlePause}: 50 ms doubling to 1 s, so a seed larger than the simulator's burst
 * goes at the rate its bucket refills. An accepted call ends the streak; {@value #GIVE_UP_AFTER} refusals in a row
 * (about 4.5 s of waiting) end the seeding's attempts: that call, and any later one refused at once, throws
 * {@link GaveUp}. One per seeding run, on one thread.
 */
final class ThrottleRetry {
    static final int GIVE_UP_AFTER = 8;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final InstantSource clock;
    private ThrottlePause pause = ThrottlePause.NONE;
    private int retried;

    ThrottleRetry(InstantSource clock) {
        this.clock = clock;
    }

    <T> T call(Supplier<T> call) {
        while (true) {
            try {
                T result = call.get();
                pause = pause.afterAccepted();
                return result;
            } catch (SdkServiceException refused) {
                if (!refused.isThrottlingException() && refused.statusCode() < 500) {
                    throw refused;
                }
                if (pause.consecutive() >= GIVE_UP_AFTER) {
                    throw new GaveUp("refused " + (GIVE_UP_AFTER + 1) + " times in a row, last with "
                            + describe(refused), refused);
                }
                Instant now = clock.instant();
                pause = pause.afterThrottle(now, FIRST_PAUSE, LONGEST_PAUSE);
                retried++;
                waitUntil(pause.until(), now, refused);
            }
        }
    }

    /** Calls retried so far. */
    int retried() {
        return retried;
    }

    private static void waitUntil(Instant until, Instant now, SdkServiceException refused) {
        try {
            Thread.sleep(Duration.between(now, until).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new GaveUp("interrupted while waiting to retry after " + describe(refused), refused);
        }
    }

    /** The simulator kept refusing (or the wait was interrupted); the cause is the last refusal. */
    static final class GaveUp extends RuntimeException {
        GaveUp(String message, SdkServiceException last) {
            super(message, last);
        }
    }

    /** "ThrottlingException: Rate exceeded" rather than the SDK's message with request id and attempt count. */
    static String describe(SdkServiceException refused) {
        if (refused instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
        }
        return "HTTP " + refused.statusCode() + ": " + refused.getMessage();
    }
}
