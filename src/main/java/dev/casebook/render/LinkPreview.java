package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.diag.Json;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a page says about itself to the places its link is pasted (Open Graph and Twitter card tags,
 * read by Slack, WeChat, Discord, GitHub) and to search engines (JSON-LD). Both need absolute URLs,
 * so a site without a base URL with a host gets neither, as it gets no sitemap.
 */
final class LinkPreview {

    /** Regions for languages written without one, as {@code og:locale} wants them ({@code zh_CN}). */
    private static final Map<String, String> REGIONS = Map.ofEntries(Map.entry("zh", "CN"), Map.entry("en", "US"),
            Map.entry("ja", "JP"), Map.entry("ko", "KR"), Map.entry("fr", "FR"), Map.entry("de", "DE"),
            Map.entry("es", "ES"), Map.entry("pt", "BR"), Map.entry("it", "IT"), Map.entry("ru", "RU"));

    private LinkPreview() {
    }

    /** The facts of an article page that its preview and structured data add. */
    record ArticleFacts(String published, String modified, List<String> tags, String section, List<String> products,
                        String home, String homeName, String sectionUrl, List<Translated> translations) {
    }

    /** Another language of the article: its code, absolute URL, and whether it is the original the page was translated from. */
    record Translated(String lang, String url, boolean original) {
    }

    /** {@code zh} → {@code zh_CN}, {@code pt-br} → {@code pt_BR}. */
    static String locale(String lang) {
        String[] parts = lang.split("-", 2);
        String region = parts.length == 2 ? parts[1] : REGIONS.get(parts[0]);
        return region == null ? parts[0] : parts[0] + "_" + region.toUpperCase(Locale.ROOT);
    }

    /** The tags every page has: the site, the page, where it is, in which language and the others. */
    static List<Views.Meta> tags(String siteName, Views.PageView page, String type, Optional<String> image) {
        List<Views.Meta> meta = new ArrayList<>();
        meta.add(Views.Meta.property("og:site_name", siteName));
        meta.add(Views.Meta.property("og:type", type));
        meta.add(Views.Meta.property("og:title", page.title()));
        if (!page.description().isEmpty()) {
            meta.add(Views.Meta.property("og:description", page.description()));
        }
        meta.add(Views.Meta.property("og:url", page.canonical()));
        meta.add(Views.Meta.property("og:locale", locale(page.lang())));
        for (Views.Alternate a : page.alternates()) {
            if (!a.hreflang().equals("x-default") && !a.hreflang().equals(page.lang())) {
                meta.add(Views.Meta.property("og:locale:alternate", locale(a.hreflang())));
            }
        }
        image.ifPresent(url -> meta.add(Views.Meta.property("og:image", url)));
        meta.add(Views.Meta.name("twitter:card", image.isPresent() ? "summary_large_image" : "summary"));
        return meta;
    }

    /** The tags an article adds: when it was published and changed, its section and tags. */
    static List<Views.Meta> articleTags(ArticleFacts article) {
        List<Views.Meta> meta = new ArrayList<>();
        meta.add(Views.Meta.property("article:published_time", article.published()));
        meta.add(Views.Meta.property("article:modified_time", article.modified()));
        meta.add(Views.Meta.property("article:section", article.section()));
        article.tags().forEach(t -> meta.add(Views.Meta.property("article:tag", t)));
        return meta;
    }

    /** JSON-LD for an article page: a {@code TechArticle} and the {@code BreadcrumbList} the page shows. */
    static SafeString article(Views.PageView page, ArticleFacts article, String siteName) {
        String id = page.canonical() + "#article";
        StringBuilder a = new StringBuilder();
        field(a, "@type", "TechArticle");
        field(a, "@id", id);
        field(a, "headline", page.title());
        if (!page.description().isEmpty()) {
            field(a, "description", page.description());
        }
        field(a, "inLanguage", page.lang());
        field(a, "url", page.canonical());
        field(a, "mainEntityOfPage", page.canonical());
        field(a, "datePublished", article.published());
        field(a, "dateModified", article.modified());
        if (!article.tags().isEmpty()) {
            raw(a, "keywords", array(article.tags().stream().map(Json::string).toList()));
        }
        if (!article.products().isEmpty()) {
            raw(a, "about", array(article.products().stream().map(p -> "{\"@type\":\"Thing\",\"name\":" + Json.string(p) + "}").toList()));
        }
        List<String> translations = article.translations().stream().filter(t -> !t.original())
                .map(t -> reference(t.url() + "#article")).toList();
        Optional<Translated> original = article.translations().stream().filter(Translated::original).findFirst();
        if (original.isPresent()) {
            raw(a, "translationOfWork", reference(original.get().url() + "#article"));
        } else if (!translations.isEmpty()) {
            raw(a, "workTranslation", array(translations));
        }
        raw(a, "isPartOf", "{\"@type\":\"WebSite\",\"name\":" + Json.string(siteName) + ",\"url\":" + Json.string(article.home()) + "}");
        String crumbs = "{\"@type\":\"BreadcrumbList\",\"itemListElement\":" + array(List.of(
                crumb(1, article.homeName(), article.home()),
                crumb(2, article.section(), article.sectionUrl()),
                crumb(3, page.title(), page.canonical()))) + "}";
        return script("{\"@context\":\"https://schema.org\",\"@graph\":[{" + a + "}," + crumbs + "]}");
    }

    /** JSON-LD for a home page: the {@code WebSite} and how to search it. */
    static SafeString website(Views.PageView page, String siteName, String searchUrl) {
        StringBuilder w = new StringBuilder();
        field(w, "@type", "WebSite");
        field(w, "name", siteName);
        if (!page.description().isEmpty()) {
            field(w, "description", page.description());
        }
        field(w, "url", page.canonical());
        field(w, "inLanguage", page.lang());
        raw(w, "potentialAction", "{\"@type\":\"SearchAction\",\"target\":{\"@type\":\"EntryPoint\",\"urlTemplate\":"
                + Json.string(searchUrl + "?q={search_term_string}") + "},\"query-input\":\"required name=search_term_string\"}");
        return script("{\"@context\":\"https://schema.org\"," + w + "}");
    }

    private static String crumb(int position, String name, String url) {
        return "{\"@type\":\"ListItem\",\"position\":" + position + ",\"name\":" + Json.string(name) + ",\"item\":" + Json.string(url) + "}";
    }

    private static String reference(String id) {
        return "{\"@id\":" + Json.string(id) + "}";
    }

    private static void field(StringBuilder object, String key, String value) {
        raw(object, key, Json.string(value));
    }

    private static void raw(StringBuilder object, String key, String json) {
        object.append(object.length() == 0 ? "" : ",").append(Json.string(key)).append(':').append(json);
    }

    private static String array(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    /** JSON that can stand inside a script element: no {@code </script>}, no comment openers, nothing for the HTML parser. */
    private static SafeString script(String json) {
        return new SafeString(json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
    }
}
