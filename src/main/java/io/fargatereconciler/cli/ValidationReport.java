package io.fargatereconciler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.LoadResult;
import io.fargatereconciler.desired.ValidationError;
import java.util.List;

/** What {@code validate} prints: one line per error (or per resource), or one JSON object. */
final class ValidationReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String folder;
    private final LoadResult result;

    ValidationReport(String folder, LoadResult result) {
        this.folder = folder;
        this.result = result;
    }

    String text() {
        StringBuilder text = new StringBuilder();
        if (result instanceof LoadResult.Valid valid) {
            List<DesiredResource> resources = List.copyOf(valid.state().resources().values());
            text.append(folder).append(": valid, ").append(count(resources.size(), "resource")).append(" in ")
                    .append(count(valid.files(), "file")).append(" (revision ").append(valid.revision()).append(")\n");
            resources.forEach(resource -> text.append("  ").append(resource.key()).append("  ")
                    .append(resource.source()).append('\n'));
        } else {
            List<ValidationError> errors = ((LoadResult.Invalid) result).errors();
            errors.forEach(error -> text.append(error).append('\n'));
            long files = errors.stream().map(ValidationError::file).distinct().count();
            text.append(folder).append(": ").append(count(errors.size(), "error")).append(" in ")
                    .append(count((int) files, "file")).append("; the daemon would refuse this desired state")
                    .append(" and keep its last good one\n");
        }
        return text.toString();
    }

    String json() {
        JsonReport body;
        if (result instanceof LoadResult.Valid valid) {
            body = new JsonReport(true, folder, valid.revision(), valid.files(),
                    valid.state().resources().values().stream().map(JsonResource::of).toList(), List.of());
        } else {
            body = new JsonReport(false, folder, null, result.files(), List.of(), ((LoadResult.Invalid) result).errors());
        }
        try {
            return JSON.writeValueAsString(body) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validation report always serializes", e);
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    record JsonReport(boolean valid, String folder, String revision, int files, List<JsonResource> resources,
                      List<ValidationError> errors) {
    }

    record JsonResource(String kind, String name, String file, int line, int column) {
        static JsonResource of(DesiredResource resource) {
            return new JsonResource(resource.kind().name(), resource.metadata().name(), resource.source().file(),
                    resource.source().line(), resource.source().column());
        }
    }
}
