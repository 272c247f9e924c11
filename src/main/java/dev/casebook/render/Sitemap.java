package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import dev.casebook.content.Source;
import dev.casebook.content.Translation;
import java.util.List;
import java.util.function.Function;

/**
 * {@code sitemap.xml} with {@code xhtml:link} alternates, so search engines pair translations.
 * Pages shown in a language they were not translated into are left out: their canonical URL is the
 * original's.
 */
final class Sitemap {

    private final Source source;
    private final BaseUrl base;

    Sitemap(Source source, BaseUrl base) {
        this.source = source;
        this.base = base;
    }

    String xml() {
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        List<Lang> langs = source.config().languages();
        for (Lang lang : langs) {
            url(out, Routes.home(lang), null, langs, Routes::home);
        }
        List<String> sections = source.articles().stream().map(Article::section).distinct().sorted().toList();
        for (String section : sections) {
            for (Lang lang : langs) {
                url(out, Routes.section(lang, section), null, langs, l -> Routes.section(l, section));
            }
        }
        // product pages gather each product's articles, errors and rules: hubs worth finding
        List<String> products = source.articles().stream().flatMap(a -> a.facts().products().stream()).distinct().sorted().toList();
        for (String product : products) {
            for (Lang lang : langs) {
                url(out, Routes.product(lang, product), null, langs, l -> Routes.product(l, product));
            }
        }
        for (Article article : source.articles()) {
            List<Lang> translated = article.translations().stream().map(Translation::lang).toList();
            for (Translation t : article.translations()) {
                url(out, Routes.article(t.lang(), article), t.lastModified().toString(), translated,
                        l -> Routes.article(l, article));
            }
        }
        out.append("</urlset>\n");
        return out.toString();
    }

    private void url(StringBuilder out, String path, String lastmod, List<Lang> alternates, Function<Lang, String> pathIn) {
        out.append("  <url>\n    <loc>").append(Html.escape(base.absolute(path))).append("</loc>\n");
        if (lastmod != null) {
            out.append("    <lastmod>").append(lastmod).append("</lastmod>\n");
        }
        if (alternates.size() > 1) {
            for (Lang l : alternates) {
                out.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(l.code()).append("\" href=\"")
                        .append(Html.escape(base.absolute(pathIn.apply(l)))).append("\"/>\n");
            }
        }
        out.append("  </url>\n");
    }
}
