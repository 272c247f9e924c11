package dev.casebook.content;

import dev.casebook.diag.SourcePos;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site configuration from {@code content/_site.yaml}, or its defaults.
 *
 * @param languages  content languages in display order; the first is the default language
 * @param titles     site title per language
 * @param descriptions site description per language
 * @param baseUrl    where the site is published
 * @param repository repository URL for "edit this page" links, if any
 * @param cname      custom domain for GitHub Pages, if any
 * @param sections   display title of each section per language (a section without one shows its folder name)
 * @param products   display name of each product per language (a product without one shows its id)
 * @param rulePacks  the rule packs the site uses, each with where it is named (none: snippets are not
 *                   checked against rules, and the site has no rule pages)
 * @param cardImage  the image link previews show for every page, a file path under {@code content/}
 * @param synonyms   sets of words readers use for the same thing, in any language, from
 *                   {@code content/_search/synonyms.yaml}; search looks each one up with the others
 * @param required   what every published article must have: language-neutral facts by key
 *                   ({@code errors}, {@code tags}...), {@code code} (a code block in each translation)
 *                   and {@code source} (a link to a page outside the site in each translation)
 * @param schemas    the site's own JSON Schemas for config snippets, and which file names pick them
 */
public record SiteConfig(
        List<Lang> languages,
        Map<Lang, String> titles,
        Map<Lang, String> descriptions,
        BaseUrl baseUrl,
        Optional<String> repository,
        Optional<String> cname,
        Map<String, Map<Lang, String>> sections,
        Map<String, Map<Lang, String>> products,
        Map<String, SourcePos> rulePacks,
        Optional<String> cardImage,
        List<String> required,
        List<List<String>> synonyms,
        SiteSchemas schemas) {

    /** The requirements that are about the body of each translation rather than a fact. */
    public static final List<String> BODY_REQUIREMENTS = List.of("code", "source");

    public SiteConfig {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a site has at least one language");
        }
        languages = List.copyOf(languages);
        titles = Map.copyOf(titles);
        descriptions = Map.copyOf(descriptions);
        sections = Map.copyOf(sections);
        products = Map.copyOf(products);
        rulePacks = Collections.unmodifiableMap(new LinkedHashMap<>(rulePacks));
        required = List.copyOf(required);
        synonyms = synonyms.stream().map(List::copyOf).toList();
    }

    public SiteConfig withSynonyms(List<List<String>> sets) {
        return new SiteConfig(languages, titles, descriptions, baseUrl, repository, cname, sections, products, rulePacks,
                cardImage, required, sets, schemas);
    }

    public SiteConfig withSchemas(SiteSchemas read) {
        return new SiteConfig(languages, titles, descriptions, baseUrl, repository, cname, sections, products, rulePacks,
                cardImage, required, synonyms, read);
    }

    public Lang defaultLang() {
        return languages.get(0);
    }

    public SiteConfig withBaseUrl(BaseUrl url) {
        return new SiteConfig(languages, titles, descriptions, url, repository, cname, sections, products, rulePacks, cardImage, required, synonyms, schemas);
    }

    public String title(Lang lang) {
        return titles.getOrDefault(lang, titles.getOrDefault(defaultLang(), "Casebook"));
    }

    public String description(Lang lang) {
        return descriptions.getOrDefault(lang, descriptions.getOrDefault(defaultLang(), ""));
    }

    public String sectionTitle(String section, Lang lang) {
        Map<Lang, String> names = sections.getOrDefault(section, Map.of());
        return names.getOrDefault(lang, names.getOrDefault(defaultLang(), section));
    }

    /** True when the site uses at least one rule pack: its snippets are checked and it has rule pages. */
    public boolean usesRules() {
        return !rulePacks.isEmpty();
    }

    public String productName(String product, Lang lang) {
        Map<Lang, String> names = products.getOrDefault(product, Map.of());
        return names.getOrDefault(lang, names.getOrDefault(defaultLang(), product));
    }
}
