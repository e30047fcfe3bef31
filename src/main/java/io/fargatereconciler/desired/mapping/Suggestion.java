package io.fargatereconciler.desired.mapping;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word a typo most likely meant ({@code replica} → {@code replicas}). */
final class Suggestion {
    private Suggestion() {
    }

    /** A known word within a few edits of {@code typed}, or containing it ({@code publicIp} → {@code assignPublicIp}). */
    static Optional<String> nearest(String typed, Collection<String> known) {
        String lower = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, typed.length() / 3);
        return known.stream()
                .filter(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT)) <= allowed
                        || lower.length() >= 4 && candidate.toLowerCase(Locale.ROOT).contains(lower))
                .min(Comparator.comparingInt(candidate -> distance(typed, candidate)));
    }

    /** ", did you mean 'x'?" or nothing. */
    static String didYouMean(String typed, Collection<String> known) {
        return nearest(typed, known).map(word -> "; did you mean '" + word + "'?").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
