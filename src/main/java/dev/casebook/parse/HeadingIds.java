package dev.casebook.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Heading ids that are stable and readable in every script: the heading text in NFKC, lower-cased
 * with {@link Locale#ROOT}, letters and digits of any script kept, spaces and punctuation turned
 * into single hyphens. "原因 Cause" becomes {@code 原因-cause}; repeats get {@code -2}, {@code -3}.
 */
final class HeadingIds implements HtmlIdGenerator {

    private final Set<String> used = new HashSet<>();

    static String slug(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean pendingDash = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '_') {
                if (pendingDash && out.length() > 0) {
                    out.append('-');
                }
                pendingDash = false;
                out.appendCodePoint(cp);
            } else if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                out.appendCodePoint(cp);
            } else {
                pendingDash = true;
            }
        }
        return out.length() == 0 ? "section" : out.toString();
    }

    @Override
    public void generateIds(Document document) {
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading heading && heading.getAnchorRefId().isEmpty()) {
                heading.setAnchorRefId(unique(slug(heading.getText().toString())));
            }
        }
    }

    private String unique(String base) {
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
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
