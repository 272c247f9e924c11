package dev.casebook.render;

/** Escaping for text put into HTML attributes and XML by hand (templates escape on their own). */
final class Html {

    private Html() {
    }

    /** Escaped text in which `code spans` become {@code <code>} elements (for the rule catalog's own texts). */
    static String inlineCode(String s) {
        return escape(s).replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    /** Text without Markdown code-span backticks, for places that hold plain text (page titles). */
    static String plain(String s) {
        return s.replace("`", "");
    }

    static String escape(String s) {
        int plain = 0;
        while (plain < s.length()) {
            char c = s.charAt(plain);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            plain++;
        }
        if (plain == s.length()) {
            return s; // nothing to escape or drop: most URLs and names
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters; drop them rather than write invalid XML
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
