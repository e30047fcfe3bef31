package io.fargatereconciler.desired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Revisions: short digests of what was read, so the same content gives the same revision from a folder or S3. */
final class Revisions {
    private Revisions() {
    }

    /** A digest of each readable file's path and text, in the order given (path order). */
    static String ofFiles(List<FileRead> files) {
        MessageDigest digest = sha256();
        for (FileRead file : files) {
            if (file.text() != null) {
                digest.update((file.relativePath() + '\0' + file.text() + '\0').getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 6);
    }

    /** A digest of labelled parts, e.g. the platform's revision and each team's revision in force. */
    static String ofParts(List<String> parts) {
        MessageDigest digest = sha256();
        parts.forEach(part -> digest.update((part + '\0').getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest(), 0, 6);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
