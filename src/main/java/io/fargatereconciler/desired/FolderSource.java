package io.fargatereconciler.desired;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The desired state as a folder of YAML files at any depth (see {@link DesiredStateFolder} for which files count).
 * Its fingerprint is each file's path, target, size and modification time, so no content is read to see a change.
 */
public final class FolderSource implements DesiredStateSource {
    private final Path root;
    private final LoadSettings settings;

    public FolderSource(Path root, LoadSettings settings) {
        this.root = root;
        this.settings = settings;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public SourceFingerprint fingerprint() {
        FolderScan scan = DesiredStateFolder.scan(root);
        List<String> entries = new ArrayList<>();
        for (SourceFile file : scan.files()) {
            entries.add(file.relativePath() + " " + describe(file));
        }
        scan.errors().forEach(error -> entries.add(error.toString()));
        return new SourceFingerprint(entries);
    }

    @Override
    public SourceSnapshot read() {
        SourceFingerprint fingerprint = fingerprint();
        FolderScan scan = DesiredStateFolder.scan(root);
        List<ValidationError> errors = new ArrayList<>(scan.errors());
        List<SourceDocument> documents = new ArrayList<>();
        if (scan.files().size() > settings.maxFiles()) {
            errors.add(SourceLimits.tooMany(location(), settings.maxFiles()));
            return new SourceSnapshot(location(), fingerprint, documents, errors, scan.files().size());
        }
        for (SourceFile file : scan.files()) {
            try {
                long size = Files.size(file.path());
                byte[] bytes = size > settings.maxFileBytes() ? null : readAtMost(file.path(), settings.maxFileBytes() + 1);
                if (bytes == null || bytes.length > settings.maxFileBytes()) {
                    errors.add(SourceLimits.tooLarge(file.displayPath(), bytes == null ? size : bytes.length,
                            settings.maxFileBytes()));
                } else {
                    documents.add(new SourceDocument(file.relativePath(), file.displayPath(), bytes));
                }
            } catch (IOException e) {
                errors.add(ValidationError.ofPath(file.displayPath(), "cannot be read (" + e
                        + "); check it exists and the reconciler may read it"));
            }
        }
        return new SourceSnapshot(location(), fingerprint, documents, errors, scan.files().size());
    }

    /** Reads at most {@code limit} bytes, so a file that grows while it is read stays bounded. */
    private static byte[] readAtMost(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit);
        }
    }

    private static String describe(SourceFile file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
            return file.path().toRealPath() + " " + attributes.size() + " " + attributes.lastModifiedTime();
        } catch (IOException e) {
            return "unreadable " + e.getClass().getSimpleName();
        }
    }
}
