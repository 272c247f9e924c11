package dev.casebook.content;

import dev.casebook.diag.SourcePos;

/**
 * A link or image in an article whose target is inside the site (relative or root-relative), or
 * whose scheme is unsafe. The check stage resolves it; the page HTML holds a slot for it.
 *
 * @param target the URL exactly as written in Markdown
 * @param image  true for {@code ![alt](src)}, false for {@code [text](href)}
 */
public record Link(String target, boolean image, SourcePos pos) {

    /** The placeholder written into the HTML where the resolved URL goes. */
    public static String slot(int index) {
        return "casebook-link:" + index;
    }
}
