package dev.casebook.load;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders {@code casebook new} writes where a writer's own words go ({@code TODO: …} at the
 * start of a value, a paragraph, a list item or a code line), found in an article file left unedited.
 */
final class Placeholders {

    /** A line that starts, after a key, a list mark or a quote, with {@code TODO:}, {@code TODO：}, {@code TODO} or {@code # TODO}. */
    private static final Pattern LINE = Pattern.compile(
            "^(\\s*(?:[A-Za-z_][A-Za-z0-9_]*:\\s*)?(?:[-*]\\s+)?[\"']?)((?:#\\s*)?TODO(?:\\s*[:：].*)?)$");
    private static final int SHOWN = 60;

    private Placeholders() {
    }

    /**
     * One diagnostic per placeholder line of {@code text} (a whole article file): an error in a published
     * translation, a warning in a draft, which {@code check --strict} still fails on.
     */
    static List<Diagnostic> find(String text, String path, boolean draft) {
        if (!text.contains("TODO")) {
            return List.of(); // every placeholder holds it: most files are told without splitting them into lines
        }
        List<Diagnostic> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i].stripTrailing());
            if (!m.matches()) {
                continue;
            }
            String placeholder = m.group(2).replaceFirst("[\"']$", "");
            String shown = placeholder.replace('`', '\'').length() > SHOWN ? placeholder.substring(0, SHOWN) + "…" : placeholder;
            SourcePos pos = new SourcePos(path, i + 1, m.group(1).codePointCount(0, m.group(1).length()) + 1);
            String message = "`" + shown + "` is a placeholder from the article template";
            String hint = "replace it with the article's own words; `casebook new` writes TODO wherever they go";
            out.add(draft ? Diagnostic.warning("placeholder", pos, message, hint) : Diagnostic.error("placeholder", pos, message, hint));
        }
        return out;
    }
}
