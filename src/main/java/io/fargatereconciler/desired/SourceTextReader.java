package io.fargatereconciler.desired;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Reads a desired-state file as text, refusing before any YAML parsing what is not small, printable UTF-8: a file
 * over the size limit (checked before reading, and again while reading in case it grows), UTF-16 text, binary
 * content (a NUL byte), invalid UTF-8 and control characters YAML does not allow. A leading BOM is dropped.
 */
final class SourceTextReader {
    private SourceTextReader() {
    }

    static SourceText read(SourceFile file, int maxBytes) throws IOException {
        long size = Files.size(file.path());
        if (size > maxBytes) {
            return tooLarge(file, size, maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file.path())) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            return tooLarge(file, bytes.length, maxBytes);
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return refused(file, 1, 1, "is UTF-16 text; save it as UTF-8");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                String before = new String(bytes, 0, i, StandardCharsets.UTF_8);
                return refused(file, before, "looks like a binary file (it contains a NUL byte); desired-state files"
                        + " must be YAML text");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            String before = out.flip().toString();
            return refused(file, before, String.format("is not valid UTF-8 (byte 0x%02X); save it as UTF-8",
                    bytes[in.position()] & 0xFF));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return controlCharacter(file, text);
    }

    private static SourceText controlCharacter(SourceFile file, String text) {
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            if (!isPrintable(c)) {
                return refused(file, text.substring(0, i), String.format("contains the control character U+%04X,"
                        + " which YAML does not allow; desired-state files must be plain text", c));
            }
        }
        return new SourceText.Readable(text);
    }

    /** The characters YAML 1.1 allows in a stream. */
    private static boolean isPrintable(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static SourceText tooLarge(SourceFile file, long size, int maxBytes) {
        return new SourceText.Refused(ValidationError.ofPath(file.displayPath(), "is " + size + " bytes, over the"
                + " limit of " + maxBytes + " bytes (reconciler.desired-state.max-file-bytes); split it into smaller"
                + " files"));
    }

    /** Refused at the position just after {@code before}, the text read so far. */
    private static SourceText refused(SourceFile file, String before, String message) {
        int lineStart = before.lastIndexOf('\n') + 1;
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.codePointCount(lineStart, before.length()) + 1;
        return refused(file, line, column, message);
    }

    private static SourceText refused(SourceFile file, int line, int column, String message) {
        return new SourceText.Refused(new ValidationError(file.displayPath(), line, column, "", message));
    }
}
