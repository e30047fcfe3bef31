package io.fargatereconciler.loop.state;

/**
 * The state store refused a write (or a claim) because a newer leader term has taken the item: this replica was
 * deposed and must act on nothing more. Expected on a leader that lost its lease.
 */
public final class StateWriteRefused extends RuntimeException {
    public StateWriteRefused(String what, long term) {
        super("the state table refused the write of " + what + " for leader term " + term
                + ": a newer leader has taken it over, so this replica must not launch or record anything", null,
                false, false);
    }
}
