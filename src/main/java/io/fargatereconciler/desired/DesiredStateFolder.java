package io.fargatereconciler.desired;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds the desired-state files under a folder, at any depth: names ending in {@code .yaml} or {@code .yml}.
 * Hidden files and folders (name starting with '.') are skipped, so editor swap files, {@code .git} and the
 * {@code ..data} folders of Kubernetes volumes are never read. Symbolic links are followed only while they stay
 * inside the folder; a link leading out, a link loop or anything but a regular file is an error.
 */
final class DesiredStateFolder {
    private DesiredStateFolder() {
    }

    static FolderScan scan(Path root) {
        String shown = root.toString();
        if (!Files.exists(root)) {
            return failed(ValidationError.ofPath(shown, "folder does not exist, so no desired state is loaded and"
                    + " nothing is launched or stopped; point reconciler.desired-state.path (RECONCILER_DESIRED_STATE_PATH;"
                    + " or the validate command) at the folder holding the desired-state files, or at"
                    + " s3://bucket/prefix/. The container image carries no desired state: see docs/deploy.md"));
        }
        if (!Files.isDirectory(root)) {
            return failed(ValidationError.ofPath(shown, "is not a folder; the desired state is a folder of YAML files"));
        }
        Walk walk = new Walk(root);
        try {
            walk.realRoot = root.toRealPath();
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walk);
        } catch (IOException e) {
            walk.errors.add(ValidationError.ofPath(shown, "folder cannot be read (" + e + "); check it exists and"
                    + " the reconciler may read it"));
        }
        walk.files.sort(Comparator.comparing(SourceFile::relativePath));
        return new FolderScan(walk.files, walk.errors);
    }

    static boolean isDesiredStateFile(Path file) {
        String name = file.getFileName().toString();
        return !isHidden(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static FolderScan failed(ValidationError error) {
        return new FolderScan(List.of(), List.of(error));
    }

    private static final class Walk extends SimpleFileVisitor<Path> {
        private final Path root;
        private Path realRoot;
        private final List<SourceFile> files = new ArrayList<>();
        private final List<ValidationError> errors = new ArrayList<>();

        Walk(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            if (isHidden(dir) || !staysInside(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
            if (!isDesiredStateFile(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (attributes.isSymbolicLink()) {
                error(file, "is a broken symbolic link (its target does not exist)");
            } else if (!staysInside(file)) {
                return FileVisitResult.CONTINUE;
            } else if (!attributes.isRegularFile()) {
                error(file, "is not a regular file (a device, pipe or socket); desired state must be plain files");
            } else {
                String relative = root.relativize(file).toString();
                files.add(new SourceFile(file, relative, file.toString()));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                error(file, "is a symbolic link that loops back to a folder containing it; remove the link");
            } else if (!isHidden(file)) {
                error(file, "cannot be read (" + e + "); check the reconciler may read it");
            }
            return FileVisitResult.CONTINUE;
        }

        private boolean staysInside(Path path) throws IOException {
            Path real = path.toRealPath();
            if (real.startsWith(realRoot)) {
                return true;
            }
            error(path, "is a symbolic link leading outside the desired-state folder (to " + real
                    + "); copy the file into the folder instead");
            return false;
        }

        private void error(Path path, String message) {
            errors.add(ValidationError.ofPath(path.toString(), message));
        }
    }
}
