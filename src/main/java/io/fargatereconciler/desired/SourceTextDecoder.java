package io.fargatereconciler.desired;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a desired-state document as text, refusing before any YAML parsing what is not printable UTF-8: UTF-16
 * text, binary content (a NUL byte), invalid UTF-8 and control characters YAML does not allow. A leading BOM is
 * dropped. (The size limit is the source's: it is checked before and while reading.)
 */
final class SourceTextDecoder {
    private SourceTextDecoder() {
    }

    static SourceText decode(SourceDocument document) {
        String file = document.displayPath();
        byte[] bytes = document.bytes();
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

    private static SourceText controlCharacter(String file, String text) {
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

    /** Refused at the position just after {@code before}, the text read so far. */
    private static SourceText refused(String file, String before, String message) {
        int lineStart = before.lastIndexOf('\n') + 1;
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.codePointCount(lineStart, before.length()) + 1;
        return refused(file, line, column, message);
    }

    private static SourceText refused(String file, int line, int column, String message) {
        return new SourceText.Refused(new ValidationError(file, line, column, "", message));
    }
}
