package dev.casebook.parse;

/**
 * The Markdown source being parsed, as a char array. The limit check, the autolink pre-check and
 * the text renderer all scan the source by index, and under C1 every {@code String.charAt} of a
 * Chinese (UTF-16) string pays a bounds-check call; an array is read several times faster. One
 * array per document: each thread keeps the last source it was asked for, and a document is
 * parsed and rendered on one thread.
 */
final class SourceChars {

    private static final ThreadLocal<SourceChars> LAST = new ThreadLocal<>();

    private final String text;
    private final char[] chars;

    private SourceChars(String text) {
        this.text = text;
        this.chars = text.toCharArray();
    }

    /** The characters of {@code text}, copied once for the same string on this thread. */
    static char[] of(String text) {
        SourceChars last = LAST.get();
        if (last == null || last.text != text) { // the same string object, not an equal one
            last = new SourceChars(text);
            LAST.set(last);
        }
        return last.chars;
    }
}
