package io.fargatereconciler.api;

import io.fargatereconciler.desired.DesiredStateStatus;
import io.fargatereconciler.desired.DesiredStateStore;
import io.fargatereconciler.desired.ValidationError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code desired-state}: DOWN until a good desired state is loaded. Once one is, a later broken edit
 * keeps it UP (the last good state stays in force; traffic must not be drained for a typo) and shows the errors
 * in the check's data. DOWN, with the reason, while the state in force could not be applied in full (an observer
 * of the change failed, or the dev-mode simulator lacks what it names), until a new revision takes force.
 */
@Readiness
@ApplicationScoped
public class DesiredStateReadiness implements HealthCheck {
    static final int ERRORS_SHOWN = 10;

    private final DesiredStateStore store;

    DesiredStateReadiness(DesiredStateStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        DesiredStateStatus status = store.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("desired-state").withData("path", status.path());
        status.lastGood().ifPresentOrElse(good -> response.up()
                        .withData("revision", good.revision())
                        .withData("loadedAt", good.state().loadedAt().toString())
                        .withData("resources", good.state().resources().size()),
                () -> response.down().withData("reason", status.lastAttemptAt().isPresent()
                        ? "no valid desired state has been loaded yet" : "the desired state has not been read yet"));
        if (status.lastGood().isPresent() && !status.applyFailures().isEmpty()) {
            response.down().withData("reason", "revision " + status.lastGoodOrNull().revision()
                    + " is in force but could not be applied in full: " + String.join("; ", status.applyFailures()));
        }
        List<ValidationError> errors = status.errors();
        if (!errors.isEmpty()) {
            response.withData("errors", errors.size());
            for (int i = 0; i < Math.min(errors.size(), ERRORS_SHOWN); i++) {
                response.withData("error." + (i + 1), errors.get(i).toString());
            }
        }
        return response.build();
    }
}
