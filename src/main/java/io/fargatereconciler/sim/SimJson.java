package io.fargatereconciler.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simulator's own (non-AWS) JSON and YAML: config files and the admin API. Durations read and write as
 * {@code 15s}/{@code 500ms}/{@code 2m}, instants as ISO-8601. YAML is a superset of JSON, so {@link #YAML} reads both.
 */
public final class SimJson {
    public static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
    public static final ObjectMapper JSON = configure(new ObjectMapper());

    private SimJson() {
    }

    /** Writes a duration the way config files do: the largest whole unit of ms, s, m or h. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis != 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis != 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    /** {@code 15s}, or {@code {median: 10s, p99: 30s}} (both fields required, nothing else). */
    private static PhaseDuration phaseDuration(JsonNode node) {
        if (!node.isObject()) {
            return PhaseDuration.fixed(DurationText.parse(node.asText()));
        }
        Set<String> fields = new TreeSet<>();
        node.fieldNames().forEachRemaining(fields::add);
        if (!fields.equals(Set.of("median", "p99"))) {
            throw new IllegalArgumentException("a distribution is written {median: 10s, p99: 30s} (exactly these two "
                    + "fields), or give a plain duration such as 15s; found fields " + fields);
        }
        return PhaseDuration.logNormal(DurationText.parse(node.get("median").asText()),
                DurationText.parse(node.get("p99").asText()));
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule()
                .addDeserializer(Duration.class, new JsonDeserializer<>() {
                    @Override
                    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        try {
                            return DurationText.parse(parser.getValueAsString());
                        } catch (RuntimeException e) {
                            throw JsonMappingException.from(parser, e.getMessage(), e);
                        }
                    }
                })
                .addDeserializer(PhaseDuration.class, new JsonDeserializer<>() {
                    @Override
                    public PhaseDuration deserialize(JsonParser parser, DeserializationContext context)
                            throws IOException {
                        try {
                            return phaseDuration(parser.readValueAsTree());
                        } catch (RuntimeException e) {
                            throw JsonMappingException.from(parser, e.getMessage(), e);
                        }
                    }
                })
                .addSerializer(Duration.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers)
                            throws IOException {
                        gen.writeString(format(value));
                    }
                })
                .addSerializer(Instant.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
                            throws IOException {
                        gen.writeString(value.toString());
                    }
                });
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).registerModule(module);
    }
}
