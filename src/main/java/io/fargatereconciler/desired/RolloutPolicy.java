package io.fargatereconciler.desired;

/**
 * How a changed spec replaces old copies: at most {@code maxSurge} copies above {@code replicas} and at most
 * {@code maxUnavailable} below it while rolling. Defaults 1/0: capacity never drops below desired.
 */
public record RolloutPolicy(int maxSurge, int maxUnavailable) {
    public static final RolloutPolicy DEFAULT = new RolloutPolicy(1, 0);

    public RolloutPolicy {
        if (maxSurge < 0 || maxUnavailable < 0) {
            throw new IllegalArgumentException("rollout.maxSurge and rollout.maxUnavailable must not be negative");
        }
        if (maxSurge == 0 && maxUnavailable == 0) {
            throw new IllegalArgumentException("rollout.maxSurge and rollout.maxUnavailable cannot both be 0");
        }
    }
}
