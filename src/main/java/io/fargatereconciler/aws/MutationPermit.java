package io.fargatereconciler.aws;

/**
 * Whether this process may change anything in ECS right now. {@link SdkEcsGateway} asks before every attempt of a
 * mutating call (RunTask, StopTask), retries included, so a call that started while this replica led is not sent again
 * after its lease lapsed. The loop passes its leader check; a single replica or the CLI passes {@link #ALWAYS}.
 */
@FunctionalInterface
public interface MutationPermit {
    MutationPermit ALWAYS = () -> true;

    boolean permitted();
}
