package dev.casebook.diag;

import java.util.Locale;

/** Just enough JSON writing for reports: string escaping per RFC 8259. */
public final class Json {

    private Json() {
    }

    public static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16).append('"');
        int from = 0; // characters that need no escape are copied in runs
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out.append(s, from, s.length()).append('"').toString();
    }
}
