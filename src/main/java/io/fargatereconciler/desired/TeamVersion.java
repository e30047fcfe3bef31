package io.fargatereconciler.desired;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One team's part of the desired state in force. {@code revision} digests the team's files in force (null while
 * none of its reads was ever good) and {@code since} is when that revision took force. When the latest read of the
 * team's files was refused, {@code errors} says why and {@code refusedRevision} digests what was refused: the team is
 * held back at {@code revision}, other teams go on.
 *
 * @param team            the Team document in force
 * @param revision        the revision of the team's files in force; null when none is
 * @param since           when that revision took force; null when none is
 * @param resources       the team's TaskGroups and Jobs in force
 * @param refusedRevision the revision of the team's files as last read, when that read was refused; else null
 * @param errors          why the latest read of the team's files was refused; empty when it was taken
 */
public record TeamVersion(Team team, String revision, Instant since, Set<ResourceKey> resources,
                          String refusedRevision, List<ValidationError> errors) {
    public TeamVersion {
        Objects.requireNonNull(team, "team");
        resources = java.util.Collections.unmodifiableSet(new TreeSet<>(resources));
        errors = List.copyOf(errors);
        if ((revision == null) != (since == null)) {
            throw new IllegalArgumentException("a revision in force has a time it took force, and only then");
        }
    }

    /** The latest read of the team's files was refused: its last good state (if any) stays in force. */
    public boolean heldBack() {
        return !errors.isEmpty();
    }

    public Optional<String> revisionInForce() {
        return Optional.ofNullable(revision);
    }
}
