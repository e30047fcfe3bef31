package io.fargatereconciler.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;

/** A desired-state folder for a test: write files into it, load it, read the errors relative to it. */
public final class DesiredStateFixture {
    public static final InstantSource FIXED_CLOCK = InstantSource.fixed(Instant.parse("2030-01-01T00:00:00Z"));

    /** A minimal valid TaskGroup; lines 1-11, so a test appending spec fields starts at line 12. */
    public static final String GROUP = """
            apiVersion: fargate-reconciler.io/v1alpha1
            kind: TaskGroup
            metadata:
              name: api
            spec:
              replicas: 2
              cluster: prod
              taskDefinition: api:3
              network:
                subnets: [subnet-0123456789abcdef0]
                securityGroups: [sg-0123456789abcdef0]
            """;

    /** A minimal valid Job; lines 1-10, so a test appending spec fields starts at line 11. */
    public static final String JOB = """
            apiVersion: fargate-reconciler.io/v1alpha1
            kind: Job
            metadata:
              name: export
            spec:
              cluster: prod
              taskDefinition: export:1
              network:
                subnets: [subnet-0123456789abcdef0]
                securityGroups: [sg-0123456789abcdef0]
            """;

    private final Path root;

    public DesiredStateFixture(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public DesiredStateFixture write(String relativePath, String text) {
        return write(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    public DesiredStateFixture write(String relativePath, byte[] bytes) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DesiredStateFixture delete(String relativePath) {
        try {
            Files.delete(root.resolve(relativePath));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DesiredStateLoader loader() {
        return new DesiredStateLoader(LoadSettings.DEFAULT, FIXED_CLOCK);
    }

    /** One read of the folder, as the daemon's watch takes it. */
    public SourceSnapshot snapshot() {
        return new FolderSource(root, LoadSettings.DEFAULT).read();
    }

    public LoadResult load() {
        return load(LoadSettings.DEFAULT);
    }

    public LoadResult load(LoadSettings settings) {
        return new DesiredStateLoader(settings, FIXED_CLOCK).load(root);
    }

    public DesiredState loadValid() {
        LoadResult result = load();
        assertThat(result).as("load of %s: %s", root, result).isInstanceOf(LoadResult.Valid.class);
        return ((LoadResult.Valid) result).state();
    }

    /** The errors of loading the folder, each as {@code file:line:column field: message}, file relative to it. */
    public List<String> errors() {
        return errors(LoadSettings.DEFAULT);
    }

    public List<String> errors(LoadSettings settings) {
        LoadResult result = load(settings);
        assertThat(result).as("load of %s", root).isInstanceOf(LoadResult.Invalid.class);
        return ((LoadResult.Invalid) result).errors().stream()
                .map(error -> error.toString().replace(root + "/", ""))
                .toList();
    }

    /** The errors of a folder holding only {@code api.yaml} with {@code text}. */
    public List<String> errorsOf(String text) {
        return write("api.yaml", text).errors();
    }

    public static LoadSettings allowing(String... clusters) {
        return new LoadSettings(LoadSettings.DEFAULT_MAX_FILE_BYTES, Set.of(clusters));
    }
}
