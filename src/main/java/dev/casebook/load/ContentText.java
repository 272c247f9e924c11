package dev.casebook.load;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A content file read as text the way every article and the site config are: strict UTF-8, at most
 * 4 MB, line endings folded to LF, no byte-order mark, and the control and bidirectional-override
 * characters that would hide or reorder text replaced (each with a warning).
 */
final class ContentText {

    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private ContentText() {
    }

    /** Reads a file as strict UTF-8 with LF line endings and no BOM. */
    static Optional<String> read(Path file, String path, List<Diagnostic> diagnostics, String id) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                // a FIFO or a device named like an article would block the read, or never end
                diagnostics.add(Diagnostic.error(id, SourcePos.file(path), "not a regular file",
                        "an article is a plain text file; remove this one"));
                return Optional.empty();
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                diagnostics.add(Diagnostic.error(id, SourcePos.file(path),
                        "file is " + size + " bytes; the limit is " + MAX_FILE_BYTES,
                        "split the article; put large configs in the bundle as files"));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') >= 0) {
                // a replacement character: in the file, or standing for bytes that are not UTF-8
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (isPlain(bytes)) {
                return Optional.of(text); // the usual file: nothing to normalise or replace
            }
            return Optional.of(withoutControls(text.replace("\r\n", "\n").replace('\r', '\n'), path, diagnostics));
        } catch (CharacterCodingException e) {
            diagnostics.add(Diagnostic.error(id, SourcePos.file(path), "file is not valid UTF-8",
                    "save the file as UTF-8"));
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(id, SourcePos.file(path), "cannot read file: " + e.getMessage(),
                    "check the file's permissions"));
        }
        return Optional.empty();
    }

    /**
     * True when the UTF-8 {@code bytes} hold no carriage return and nothing {@link #withoutControls}
     * replaces: no C0 control but tab and line feed, no DEL, no C1 control (C2 80-9F), no
     * bidirectional override or isolate (E2 80 AA-AE, E2 81 A6-A9). One pass over bytes is much
     * cheaper than one over the decoded text.
     */
    static boolean isPlain(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\n' && b != '\t' || b == 0x7F) {
                return false;
            }
            if (b == 0xC2 && i + 1 < bytes.length && (bytes[i + 1] & 0xFF) >= 0x80 && (bytes[i + 1] & 0xFF) <= 0x9F) {
                return false;
            }
            if (b == 0xE2 && i + 2 < bytes.length) {
                int b1 = bytes[i + 1] & 0xFF;
                int b2 = bytes[i + 2] & 0xFF;
                if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE || b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) {
                    return false;
                }
            }
            if (b == 0xEF && i + 2 < bytes.length) {
                int b1 = bytes[i + 1] & 0xFF;
                int b2 = bytes[i + 2] & 0xFF;
                if (b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF) || b1 == 0xB7 && b2 >= 0x90 && b2 <= 0xAF) {
                    return false; // U+FFFE, U+FFFF, U+FDD0–U+FDEF
                }
            }
        }
        return true;
    }

    /**
     * Control characters (other than tab and line feed), the invisible marks that reorder text
     * (bidirectional overrides and isolates, used to make code read differently from how it runs)
     * and the noncharacters U+FFFE, U+FFFF and U+FDD0–U+FDEF (no text, and U+FFFE/U+FFFF make an
     * XML feed ill-formed) are replaced by U+FFFD, with one warning per file at the first of them.
     */
    static String withoutControls(String text, String path, List<Diagnostic> diagnostics) {
        StringBuilder out = null;
        int count = 0;
        int line = 1;
        int column = 1;
        SourcePos first = null;
        char firstChar = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c < 0x20 && c != '\n' && c != '\t' || c == 0x7F || c >= 0x80 && c < 0xA0
                    || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
                    || c == 0xFFFE || c == 0xFFFF || c >= 0xFDD0 && c <= 0xFDEF; // noncharacters: not text, and not XML
            if (bad) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                    first = new SourcePos(path, line, column);
                    firstChar = c;
                }
                out.append('\uFFFD');
                count++;
            } else if (out != null) {
                out.append(c);
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        if (out == null) {
            return text;
        }
        boolean noncharacter = firstChar >= 0xFDD0;
        diagnostics.add(Diagnostic.warning("encoding", first, String.format(Locale.ROOT,
                        (noncharacter ? "noncharacter" : "control character") + " U+%04X replaced by U+FFFD", (int) firstChar)
                        + (count > 1 ? " (" + count + " in this file)" : ""),
                "remove it: invisible characters can make text read differently from what it is"));
        return out.toString();
    }
}
