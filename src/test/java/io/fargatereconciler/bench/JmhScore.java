package io.fargatereconciler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One JMH result, read from the JSON file {@code -rf json} writes. */
record JmhScore(String benchmark, String params, String mode, double score, double error, String unit, int forks,
                int iterations) {

    static List<JmhScore> read(Path json) {
        try {
            List<JmhScore> scores = new ArrayList<>();
            for (JsonNode run : new ObjectMapper().readTree(Files.readString(json))) {
                JsonNode primary = run.path("primaryMetric");
                String name = run.path("benchmark").asText();
                List<String> params = new ArrayList<>();
                run.path("params").fields().forEachRemaining(p -> params.add(p.getKey() + "=" + p.getValue().asText()));
                scores.add(new JmhScore(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                        String.join(", ", params), run.path("mode").asText(), primary.path("score").asDouble(),
                        primary.path("scoreError").asDouble(), primary.path("scoreUnit").asText(),
                        run.path("forks").asInt(), run.path("measurementIterations").asInt()));
            }
            return scores;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH results " + json + ": " + e.getMessage(), e);
        }
    }

    /** The score in milliseconds per operation, for an average-time result in ms/op or us/op. */
    double millisPerOp() {
        return switch (unit) {
            case "ms/op" -> score;
            case "us/op" -> score / 1_000;
            case "ns/op" -> score / 1_000_000;
            case "s/op" -> score * 1_000;
            default -> throw new IllegalStateException("not a time per operation: " + unit);
        };
    }
}
