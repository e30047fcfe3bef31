package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Deterministic RunTask {@code clientToken}s for one group, and the tokens of it that ECS has already seen.
 *
 * <p>A token is a digest of the group, the spec hash, the sorted ARNs of the group's live copies <em>as ECS
 * lists them</em>, and a sequence number n, printed as 32 hex digits and "-n" (at most 64 characters, as ECS
 * requires). ECS runs a call whose token it remembers only once: it answers with the tasks of the first call.
 *
 * <ul>
 *   <li><b>Same world, same token.</b> A retried call, a crash between RunTask and the next ListTasks, or a
 *       ListTasks that lags behind all see the live set as it was before the launch landed, so they derive the
 *       same token and ECS hands back the tasks it already started instead of starting more.</li>
 *   <li><b>Landed launch, new token.</b> Once ECS lists the new copies the live set differs, and so does every
 *       later token.</li>
 *   <li><b>Only reproducible inputs.</b> The inputs are what a restarted daemon sees again: no clock, no
 *       memory. Known-stopped ARNs (which the planner does remember) are deliberately left out: after a restart
 *       they are forgotten, the token would differ from the one used before the crash, and a lagging ListTasks
 *       would then let a second copy start. A repeated token only costs a wasted call; a changed one can cost a
 *       duplicate.</li>
 *   <li><b>The live set can return to an earlier value</b> (a copy launched with token t dies, and the group
 *       is back where it was). ECS remembers t for min(24 h, task life + 1 h) and would answer with the stopped
 *       copy instead of launching. So every token that ECS has seen is remembered here ({@link #used}), and the
 *       next token takes the lowest sequence number not used yet: a "salt" that only moves when ECS has seen a
 *       token. A call answered with stopped tasks (token reuse detected) marks its token used too, so the next
 *       pass moves on.</li>
 *   <li><b>After a restart</b> the memory is empty and the sequence starts at 0 again. It then replays the
 *       tokens of before: each one ECS already knows answers with its old tasks (stopped ones: reuse, move on;
 *       live ones: counted as in flight, exactly what a crash mid-launch needs) until a fresh one launches. That
 *       costs a few calls once, never a duplicate.</li>
 * </ul>
 * Several calls for one group in one pass take consecutive unused sequence numbers.
 *
 * @param used tokens ECS has seen for this group, with when; kept for {@link #ECS_MEMORY}, at most
 *             {@link #MAX_REMEMBERED} (forgetting one only costs one wasted call)
 */
public record ClientTokens(Map<String, Instant> used) {
    public static final ClientTokens NONE = new ClientTokens(Map.of());
    /** The longest time ECS remembers a clientToken. */
    static final Duration ECS_MEMORY = Duration.ofHours(24);
    static final int MAX_REMEMBERED = 100;

    public ClientTokens {
        used = Collections.unmodifiableMap(new TreeMap<>(used));
    }

    /** The token for sequence {@code sequence} of {@code group} at spec {@code specHash} with these live copies. */
    static String derive(ResourceKey group, String specHash, Collection<String> liveTaskArns, int sequence) {
        return digest(canonicalLiveSet(group, specHash, liveTaskArns), sequence);
    }

    /** Tokens for the next {@code calls} calls: the lowest sequence numbers whose tokens ECS has not seen. */
    List<String> next(ResourceKey group, String specHash, Collection<String> liveTaskArns, int calls) {
        List<String> tokens = new ArrayList<>(calls);
        if (calls == 0) {
            return tokens;
        }
        String liveSet = canonicalLiveSet(group, specHash, liveTaskArns);
        for (int sequence = 0; tokens.size() < calls; sequence++) {
            String token = digest(liveSet, sequence);
            if (!used.containsKey(token)) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** The digest input before the sequence number: group, spec hash and the sorted live ARNs, a line each. */
    private static String canonicalLiveSet(ResourceKey group, String specHash, Collection<String> liveTaskArns) {
        StringBuilder canonical = new StringBuilder().append(group).append('\n').append(specHash).append('\n');
        liveTaskArns.stream().sorted().distinct().forEach(arn -> canonical.append(arn).append('\n'));
        return canonical.toString();
    }

    private static String digest(String canonicalLiveSet, int sequence) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((canonicalLiveSet + '#' + sequence).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + "-" + sequence;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /**
     * The tokens a group's RunTask calls of one pass would use, not derived yet: digesting every live ARN is
     * costly, and most planned calls never get launch budget. {@link BudgetSharing} derives them for the calls it
     * makes.
     *
     * @param calls how many calls the group plans
     */
    record Planned(ClientTokens seen, ResourceKey group, String specHash, List<String> liveTaskArns, int calls) {
        Planned {
            Objects.requireNonNull(seen, "seen");
            liveTaskArns = List.copyOf(liveTaskArns);
        }

        List<String> derive() {
            return seen.next(group, specHash, liveTaskArns, calls);
        }
    }

    /** Remembers that ECS has seen {@code token}; forgets what ECS itself has forgotten. */
    ClientTokens afterUse(String token, Instant now) {
        Map<String, Instant> next = new TreeMap<>(used);
        next.put(token, now);
        next.values().removeIf(at -> at.plus(ECS_MEMORY).isBefore(now));
        while (next.size() > MAX_REMEMBERED) {
            next.entrySet().stream()
                    .min(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .ifPresent(next::remove);
        }
        return new ClientTokens(next);
    }
}
