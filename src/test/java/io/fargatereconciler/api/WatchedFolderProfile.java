package io.fargatereconciler.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The daemon watching an empty temporary desired-state folder, checking it often so changes show quickly. */
public class WatchedFolderProfile implements QuarkusTestProfile {
    private static final String SHARED_FOLDER_PROPERTY = "fargate-reconciler.test.watched-folder";
    static final Path FOLDER = createFolder();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "reconciler.desired-state.path", FOLDER.toString(),
                "reconciler.desired-state.poll-interval", "100ms",
                "reconciler.desired-state.debounce", "300ms");
    }

    /** Quarkus loads this class in more than one class loader: the folder is shared through a system property. */
    private static synchronized Path createFolder() {
        String shared = System.getProperty(SHARED_FOLDER_PROPERTY);
        if (shared != null) {
            return Path.of(shared);
        }
        try {
            Path folder = Files.createTempDirectory("watched-desired-state");
            System.setProperty(SHARED_FOLDER_PROPERTY, folder.toString());
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
