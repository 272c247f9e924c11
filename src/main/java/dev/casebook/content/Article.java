package dev.casebook.content;

import java.util.List;
import java.util.Optional;

/**
 * A page bundle {@code content/<section>/<slug>/}: the same article in one or more languages,
 * the language-neutral facts, and the other files of the bundle (images, full configs).
 *
 * @param translations in the site's language order
 * @param resources    bundle files other than the {@code index.<lang>.md}, relative to the bundle
 * @param id           the translation key: the bundle folder relative to {@code content/},
 *                     {@code section/slug}; made once, since every stage looks articles up by it
 */
public record Article(String section, String slug, Facts facts, List<Translation> translations, List<String> resources,
                      String id) {

    public Article {
        translations = List.copyOf(translations);
        resources = List.copyOf(resources);
        if (!id.equals(section + "/" + slug)) {
            throw new IllegalArgumentException("the id of " + section + "/" + slug + " cannot be " + id);
        }
    }

    public Article(String section, String slug, Facts facts, List<Translation> translations, List<String> resources) {
        this(section, slug, facts, translations, resources, section + "/" + slug);
    }

    public Optional<Translation> translation(Lang lang) {
        for (Translation t : translations) {
            if (t.lang().equals(lang)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** True while a translation still holds its Markdown body (until the parse stage is done with it). */
    public boolean hasBodies() {
        for (Translation t : translations) {
            if (!t.body().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The article without its Markdown bodies (once parsed, pages need none); itself when it holds none. */
    public Article withoutBodies() {
        return hasBodies() ? new Article(section, slug, facts, translations.stream().map(Translation::withoutBody).toList(), resources, id)
                : this;
    }

    /** The translation shown where {@code lang} is missing: the first available in site language order. */
    public Translation original() {
        return translations.get(0);
    }
}
