package dev.casebook.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Heading ids as GitHub makes them (github-slugger), so an anchor copied from the Markdown rendered
 * on GitHub, or from an mdBook or Hugo site, works here too: the heading's text lower-cased
 * ({@link Locale#ROOT}); every character dropped that is not a letter, mark, digit, connector
 * ({@code _}), space or {@code -}; each space turned into {@code -}; hyphens never collapsed.
 * Repeats get {@code -1}, {@code -2}. "原因 Cause" becomes {@code 原因-cause},
 * "只在栈上的数据：拷贝" {@code 只在栈上的数据拷贝}. An explicit {@code {#id}} at the end of a heading
 * wins (see {@link MarkdownParser}); a heading with nothing left gets {@code section}.
 */
final class HeadingIds implements HtmlIdGenerator {

    /** How often each id was handed out, to number repeats without scanning. */
    private final Map<String, Integer> occurrences = new HashMap<>();

    static String slug(String text) {
        String folded = text.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                out.append('-');
            } else if (kept(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.length() == 0 ? "section" : out.toString();
    }

    // github-slugger removes other numbers, all punctuation but connectors and `-`, symbols,
    // controls, format and private-use characters and separators, except what Unicode calls
    // alphabetic (some symbols are, such as circled letters)
    private static boolean kept(int cp) {
        if (cp == '-' || Character.isAlphabetic(cp)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.CONNECTOR_PUNCTUATION -> true;
            default -> false;
        };
    }

    @Override
    public void generateIds(Document document) {
        // explicit ids first, so a generated id never takes one of them
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading heading && !heading.getAnchorRefId().isEmpty()) {
                occurrences.putIfAbsent(heading.getAnchorRefId(), 0);
            }
        }
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading heading && heading.getAnchorRefId().isEmpty()) {
                heading.setAnchorRefId(unique(slug(PlainText.of(heading))));
            }
        }
    }

    // github-slugger: the first keeps the slug; then slug-1, slug-2, skipping ids already taken
    private String unique(String base) {
        String id = base;
        while (occurrences.containsKey(id)) {
            int n = occurrences.merge(base, 1, Integer::sum);
            id = base + "-" + n;
        }
        occurrences.put(id, 0);
        return id;
    }

    @Override
    public String getId(Node node) {
        return node instanceof Heading heading ? heading.getAnchorRefId() : null;
    }

    @Override
    public String getId(CharSequence text) {
        return slug(text.toString());
    }
}
