package io.fargatereconciler.desired;

import io.fargatereconciler.desired.mapping.MappedDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Names stay unique across teams (they are in task tags, client tokens and metric labels). When teams claim the same
 * name, the team that has it in force keeps it and the others are held back with an error naming both places; when
 * none has it in force (a first read, or {@code validate}), every claimant is held back. A team held back keeps its
 * last good resources, which may in turn collide with a name another team now takes: that team is held back too, so
 * this runs until nothing changes.
 */
final class TeamNameClaims {
    private final Collection<TeamRead> reads;
    private final DesiredState inForce;
    private final Function<Team, List<DesiredResource>> held;

    /** {@code held}: what stays in force of a team that is held back. */
    TeamNameClaims(Collection<TeamRead> reads, DesiredState inForceOrNull, Function<Team, List<DesiredResource>> held) {
        this.reads = reads;
        this.inForce = inForceOrNull;
        this.held = held;
    }

    void settle() {
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<ResourceKey, List<Claim>> claims = claims();
            for (Map.Entry<ResourceKey, List<Claim>> entry : claims.entrySet()) {
                List<Claim> claimants = entry.getValue();
                if (claimants.size() < 2) {
                    continue;
                }
                Optional<String> keeper = keeper(entry.getKey(), claimants);
                for (Claim claim : claimants) {
                    if (claim.document() == null || keeper.filter(claim.team().team.name()::equals).isPresent()) {
                        continue;
                    }
                    SourceLocation at = claim.document().nameAt();
                    claim.team().errors.add(new ValidationError(at.file(), at.line(), at.column(), "metadata.name",
                            entry.getKey().kind() + " name '" + entry.getKey().name() + "' is also used by "
                                    + others(claim, claimants) + "; names must be unique across all teams"));
                    changed = true;
                }
            }
        }
    }

    /** Who claims each name: teams taking their files (with the document), teams held at what is in force. */
    private Map<ResourceKey, List<Claim>> claims() {
        Map<ResourceKey, List<Claim>> claims = new TreeMap<>();
        for (TeamRead read : reads) {
            if (read.errors.isEmpty()) {
                read.documents().forEach(document -> claims.computeIfAbsent(document.key(), k -> new ArrayList<>())
                        .add(new Claim(read, document)));
            } else {
                held.apply(read.team).forEach(resource ->
                        claims.computeIfAbsent(resource.key(), k -> new ArrayList<>()).add(new Claim(read, null)));
            }
        }
        return claims;
    }

    /** The team that keeps a contested name: the one held at it, else the one that had it in force. */
    private Optional<String> keeper(ResourceKey key, List<Claim> claimants) {
        Optional<Claim> held = claimants.stream().filter(claim -> claim.document() == null).findFirst();
        if (held.isPresent()) {
            return Optional.of(held.get().team().team.name());
        }
        Optional<String> had = inForce == null ? Optional.empty() : inForce.teamOf(key);
        return had.filter(team -> claimants.stream().anyMatch(claim -> claim.team().team.name().equals(team)));
    }

    private static String others(Claim claim, List<Claim> claimants) {
        return String.join(" and ", claimants.stream().filter(other -> other != claim)
                .map(other -> "team " + other.team().team.name() + (other.document() == null
                        ? " (in force)" : " (" + other.document().nameAt() + ")")).toList());
    }

    private record Claim(TeamRead team, MappedDocument document) {
    }
}
