package io.fargatereconciler.api;

import io.fargatereconciler.desired.DesiredStateStatus;
import io.fargatereconciler.desired.LoadResult;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TeamVersion;
import io.fargatereconciler.desired.ValidationError;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/v1/desired-state}: the state in force ({@code inForce}, null before the first good
 * load), when the source (folder or S3 prefix) was last read, the errors of that read (empty when it was good),
 * and what could not be done with the state in force ({@code applyFailures}, empty when everything went through).
 * With Team documents, {@code inForce.teams} says which revision of each team's files is in force and which teams
 * are held back by errors in their files.
 */
public record DesiredStateView(String path, InForce inForce, Instant lastAttemptAt, boolean latestAttemptValid,
                               List<ValidationError> errors, List<String> applyFailures) {

    /**
     * The state in force: its revision, when it was read, what it declares, and whether it is the whole of the
     * latest read ({@code complete} is false while a team is held back or the latest read was refused).
     */
    public record InForce(String revision, Instant loadedAt, int files, int resources, int taskGroups, int jobs,
                          List<String> keys, boolean complete, List<TeamView> teams) {
        static InForce of(LoadResult.Valid valid) {
            return new InForce(valid.revision(), valid.state().loadedAt(), valid.files(),
                    valid.state().resources().size(), valid.state().taskGroups().size(), valid.state().jobs().size(),
                    valid.state().resources().keySet().stream().map(ResourceKey::toString).toList(),
                    valid.state().complete(), valid.state().teams().values().stream().map(TeamView::of).toList());
        }
    }

    /**
     * One team: its folders, the revision of its files in force and since when (null while none is), whether it is
     * held back (the latest read of its files was refused: {@code refusedRevision} and {@code errors} say what and
     * why), and its resources in force.
     */
    public record TeamView(String name, List<String> folders, String revision, Instant since, boolean heldBack,
                           String refusedRevision, List<String> resources, List<ValidationError> errors) {
        static TeamView of(TeamVersion team) {
            return new TeamView(team.team().name(), team.team().folders(), team.revision(), team.since(),
                    team.heldBack(), team.refusedRevision(),
                    team.resources().stream().map(ResourceKey::toString).toList(), team.errors());
        }
    }

    static DesiredStateView of(DesiredStateStatus status) {
        return new DesiredStateView(status.path(), status.lastGood().map(InForce::of).orElse(null),
                status.lastAttemptAt().orElse(null), status.lastAttemptAt().isPresent() && status.errors().isEmpty(),
                status.errors(), status.applyFailures());
    }
}
