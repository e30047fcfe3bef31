package io.fargatereconciler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.LoadResult;
import io.fargatereconciler.desired.TeamVersion;
import io.fargatereconciler.desired.ValidationError;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code validate} prints: one line per error (or per resource), what the daemon would do with it (refuse it
 * whole, or hold back the teams in error), or one JSON object. {@code accountErrors} are those of
 * {@code --against-aws}.
 */
final class ValidationReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String folder;
    private final LoadResult result;
    private final List<ValidationError> accountErrors;

    ValidationReport(String folder, LoadResult result) {
        this(folder, result, List.of());
    }

    ValidationReport(String folder, LoadResult result, List<ValidationError> accountErrors) {
        this.folder = folder;
        this.result = result;
        this.accountErrors = List.copyOf(accountErrors);
    }

    boolean valid() {
        return result instanceof LoadResult.Valid && accountErrors.isEmpty();
    }

    String text() {
        StringBuilder text = new StringBuilder();
        List<ValidationError> errors = errors();
        if (errors.isEmpty()) {
            LoadResult.Valid valid = (LoadResult.Valid) result;
            List<DesiredResource> resources = List.copyOf(valid.state().resources().values());
            text.append(folder).append(": valid, ").append(count(resources.size(), "resource")).append(" in ")
                    .append(count(valid.files(), "file")).append(" (revision ").append(valid.revision()).append(")\n");
            valid.state().teams().values().forEach(team -> text.append("  team ").append(team.team().name())
                    .append(" (").append(String.join(", ", team.team().folders().stream().map(f -> f + "/").toList()))
                    .append("): revision ").append(team.revision()).append(", ")
                    .append(count(team.resources().size(), "resource")).append('\n'));
            resources.forEach(resource -> text.append("  ").append(resource.key()).append("  ")
                    .append(resource.source()).append('\n'));
            return text.toString();
        }
        errors.forEach(error -> text.append(error).append('\n'));
        long files = errors.stream().map(ValidationError::file).distinct().count();
        text.append(folder).append(": ").append(count(errors.size(), "error")).append(" in ")
                .append(count((int) files, "file")).append("; ").append(consequence()).append('\n');
        return text.toString();
    }

    String json() {
        DesiredState state = result instanceof LoadResult.Valid valid ? valid.state()
                : result instanceof LoadResult.PartlyValid partly ? partly.inForce().state() : null;
        JsonReport body = new JsonReport(valid(), folder,
                result instanceof LoadResult.Valid valid ? valid.revision() : null, result.files(),
                result instanceof LoadResult.Valid valid ? valid.state().resources().values().stream()
                        .map(JsonResource::of).toList() : List.of(),
                state == null ? List.of() : state.teams().values().stream().map(JsonTeam::of).toList(), errors());
        try {
            return JSON.writeValueAsString(body) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validation report always serializes", e);
        }
    }

    private List<ValidationError> errors() {
        List<ValidationError> errors = new ArrayList<>(result.errors());
        errors.addAll(accountErrors);
        return errors.stream().sorted(ValidationError.READING_ORDER).toList();
    }

    private String consequence() {
        if (result instanceof LoadResult.PartlyValid partly) {
            List<String> held = partly.inForce().state().teams().values().stream().filter(TeamVersion::heldBack)
                    .map(team -> team.team().name()).toList();
            return "the daemon would hold back team" + (held.size() == 1 ? " " : "s ") + String.join(", ", held)
                    + " at " + (held.size() == 1 ? "its" : "their") + " last good state and take the other teams'"
                    + " changes";
        }
        if (result instanceof LoadResult.Invalid) {
            return "the daemon would refuse this desired state and keep its last good one";
        }
        return "the desired state is valid, but the account check found these problems (launches naming what does not"
                + " exist would fail)";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    record JsonReport(boolean valid, String folder, String revision, int files, List<JsonResource> resources,
                      List<JsonTeam> teams, List<ValidationError> errors) {
    }

    record JsonResource(String kind, String name, String file, int line, int column) {
        static JsonResource of(DesiredResource resource) {
            return new JsonResource(resource.kind().name(), resource.metadata().name(), resource.source().file(),
                    resource.source().line(), resource.source().column());
        }
    }

    /** A team: its folders, whether its files are valid, and their revision (the refused one when they are not). */
    record JsonTeam(String name, List<String> folders, boolean valid, String revision, int resources) {
        static JsonTeam of(TeamVersion team) {
            return new JsonTeam(team.team().name(), team.team().folders(), !team.heldBack(),
                    team.heldBack() ? team.refusedRevision() : team.revision(), team.resources().size());
        }
    }
}
