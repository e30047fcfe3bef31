package io.fargatereconciler.plan;

/**
 * A group's copies at one pass.
 *
 * @param desired  copies asked for
 * @param running  copies RUNNING (any spec)
 * @param pending  live copies not RUNNING yet, launches ECS does not list yet included
 * @param upToDate live copies of the current spec, launches in flight included
 * @param stopping copies we asked to stop that ECS still lists as live
 */
public record CopyCounts(int desired, int running, int pending, int upToDate, int stopping) {
    static CopyCounts of(int desired, GroupCopies copies) {
        return new CopyCounts(desired, copies.running(), copies.pending(), copies.currentLive(), copies.stopping());
    }

    /** Live copies as the planner counts them. */
    public int live() {
        return running + pending;
    }
}
