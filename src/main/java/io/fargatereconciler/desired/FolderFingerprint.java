package io.fargatereconciler.desired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A cheap summary of a desired-state folder (each file's path, target, size and modification time, and what
 * could not be read) that changes whenever a file is added, removed, edited or re-linked, without reading
 * any content. Comparing two says whether the folder changed.
 */
record FolderFingerprint(List<String> entries) {
    FolderFingerprint {
        entries = List.copyOf(entries);
    }

    static FolderFingerprint of(java.nio.file.Path root) {
        FolderScan scan = DesiredStateFolder.scan(root);
        List<String> entries = new ArrayList<>();
        for (SourceFile file : scan.files()) {
            entries.add(file.relativePath() + " " + describe(file));
        }
        scan.errors().forEach(error -> entries.add(error.toString()));
        return new FolderFingerprint(entries);
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
