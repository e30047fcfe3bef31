package io.fargatereconciler.api;

import io.fargatereconciler.desired.DesiredStateChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the {@link DesiredStateChanged} events the daemon fires, as the reconcile loop would observe them. */
@ApplicationScoped
public class ChangeRecorder {
    private final List<DesiredStateChanged> seen = new CopyOnWriteArrayList<>();

    void record(@Observes DesiredStateChanged changed) {
        seen.add(changed);
    }

    List<DesiredStateChanged> seen() {
        return List.copyOf(seen);
    }
}
