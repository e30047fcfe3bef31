package io.fargatereconciler.aws;

/**
 * A mutating ECS call (or its retry) was not sent because the {@link MutationPermit} said no: this replica no longer
 * leads. Nothing reached ECS for that attempt; the caller treats the action as not sent.
 */
public final class MutationRefused extends RuntimeException {

    public MutationRefused(String operation) {
        super(operation + " was not sent: this replica no longer holds a valid leader lease (checked before every"
                + " attempt, retries included); the leader acts", null, false, false);
    }
}
