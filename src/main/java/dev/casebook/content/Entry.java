package dev.casebook.content;

import java.util.List;

/**
 * One translation as it moves through the stages, each adding what it found: the translation
 * (load), its parsed document (parse), what checking its config snippets showed (validate), and
 * the URL each of its link slots resolves to (check). Later stages and the pages read this one
 * record instead of one map per stage.
 *
 * @param snippets the validate stage's conclusion for each code block, in order
 * @param hrefs    the check stage's URL for each link slot, in order; empty means "drop the link"
 */
public record Entry(Translation translation, Document document, List<SnippetVerdict> snippets, List<String> hrefs) {

    public Entry {
        snippets = List.copyOf(snippets);
        hrefs = List.copyOf(hrefs);
    }

    public static Entry loaded(Translation translation) {
        return new Entry(translation, null, List.of(), List.of());
    }

    public Entry parsed(Document document) {
        return new Entry(translation, document, snippets, hrefs);
    }

    public Entry validated(List<SnippetVerdict> checks) {
        return new Entry(translation, document, checks, hrefs);
    }

    public Entry checked(List<String> resolved) {
        return new Entry(translation, document, snippets, resolved);
    }

    public String path() {
        return translation.path();
    }
}
