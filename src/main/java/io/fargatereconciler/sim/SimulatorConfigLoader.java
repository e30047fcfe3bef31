package io.fargatereconciler.sim;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads {@link SimulatorConfig} YAML; durations as {@link DurationText} reads them. */
final class SimulatorConfigLoader {
    private SimulatorConfigLoader() {
    }

    static SimulatorConfig load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator config " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a value of {@code type} (the whole config, or a section such as the fault model). */
    static <T> T parse(String yaml, String sourceName, Class<T> type) {
        try {
            return SimJson.YAML.readValue(yaml, type);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(describe(sourceName, yaml, e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(sourceName + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    static SimulatorConfig parse(String yaml, String sourceName) {
        if (yaml.isBlank()) {
            return SimulatorConfig.empty();
        }
        SimulatorConfig config = parse(yaml, sourceName, SimulatorConfig.class);
        return config == null ? SimulatorConfig.empty() : config;
    }

    private static String describe(String sourceName, String yaml, JsonMappingException e) {
        String pointer = e.getPath().stream()
                .map(r -> "/" + (r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex())))
                .collect(Collectors.joining());
        JsonLocation at = startLocations(yaml).getOrDefault(pointer, e.getLocation());
        String where = at == null ? sourceName : sourceName + ":" + at.getLineNr() + ":" + at.getColumnNr();
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause instanceof JsonMappingException m ? m.getOriginalMessage() : cause.getMessage();
        return where + " " + (field.isEmpty() ? "" : field + ": ") + message;
    }

    /** Where each value starts, by JSON pointer: errors point at the start of the entry, not where parsing stood. */
    private static Map<String, JsonLocation> startLocations(String yaml) {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = SimJson.YAML.getFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    var parent = parser.getParsingContext().getParent();
                    locations.putIfAbsent(parent == null ? "" : parent.pathAsPointer().toString(),
                            parser.currentTokenLocation());
                } else if (token != JsonToken.FIELD_NAME) {
                    locations.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                            parser.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            return locations;
        }
        return locations;
    }
}
