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
public record TranslationResult(Translation translation, Document document, List<SnippetVerdict> snippets, List<String> hrefs) {

    public TranslationResult {
        snippets = List.copyOf(snippets);
        hrefs = List.copyOf(hrefs);
    }

    public static TranslationResult loaded(Translation translation) {
        return new TranslationResult(translation, null, List.of(), List.of());
    }

    public TranslationResult parsed(Document document) {
        return new TranslationResult(translation, document, snippets, hrefs);
    }

    public TranslationResult validated(List<SnippetVerdict> checks) {
        return new TranslationResult(translation, document, checks, hrefs);
    }

    public TranslationResult checked(List<String> resolved) {
        return new TranslationResult(translation, document, snippets, resolved);
    }

    public String path() {
        return translation.path();
    }
}
