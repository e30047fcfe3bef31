package io.fargatereconciler.desired;

import java.nio.file.Path;

/**
 * One desired-state file: where it is, its path inside the desired-state folder (for the revision), and how
 * messages name it (the folder as the user gave it, joined with the relative path).
 */
record SourceFile(Path path, String relativePath, String displayPath) {
}
