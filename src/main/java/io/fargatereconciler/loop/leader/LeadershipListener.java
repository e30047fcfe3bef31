package io.fargatereconciler.loop.leader;

/** Told when this replica starts or stops leading (the loop forgets its in-memory state when it starts leading). */
@FunctionalInterface
public interface LeadershipListener {
    void leadershipChanged(boolean leading);
}
