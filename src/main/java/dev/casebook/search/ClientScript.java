package dev.casebook.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The search client as the site serves it: the source without its comment lines. The source explains
 * itself at length (why a pasted log is cleaned, how a question is told); a reader's browser downloads
 * the client before its first result, so the explanations stay in the repository. Only whole lines are
 * dropped, a {@code //} line or a {@code /* … *}{@code /} block that starts a line, so no string or regular
 * expression literal is ever cut; and each line's indentation, unless a line could continue a literal onto
 * the next (a template literal's backquote, a line that ends in a backslash), where it would be the
 * literal's own.
 */
final class ClientScript {

    private ClientScript() {
    }

    static String served(String source) {
        StringBuilder out = new StringBuilder(source.length());
        List<String> kept = new ArrayList<>();
        boolean inBlock = false;
        for (String line : source.split("\n")) {
            String t = line.strip();
            if (inBlock) {
                inBlock = !t.endsWith("*/");
                continue;
            }
            if (t.startsWith("/*")) {
                inBlock = !t.endsWith("*/") || t.length() < 4;
                continue;
            }
            if (t.startsWith("//")) {
                continue;
            }
            kept.add(line);
        }
        boolean literalsSpanLines = kept.stream().anyMatch(l -> l.indexOf('`') >= 0 || l.endsWith("\\"));
        for (String line : kept) {
            out.append(literalsSpanLines ? line : line.stripLeading()).append('\n');
        }
        // the source's last line break, and no other, ends the file
        return out.length() > 0 && !source.endsWith("\n") ? out.substring(0, out.length() - 1) : out.toString();
    }
}
