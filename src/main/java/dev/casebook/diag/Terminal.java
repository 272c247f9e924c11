package dev.casebook.diag;

import java.util.Locale;

/**
 * Text from content made safe for a terminal or a log: control characters (line breaks, escape
 * sequences that would colour the terminal or forge another diagnostic line) and the invisible
 * characters that reorder text (bidirectional overrides) are shown as {@code \u001B}-style escapes.
 */
public final class Terminal {

    private Terminal() {
    }

    public static String safe(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isUnsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
    }
}
