package dev.casebook.render;

import dev.casebook.content.BaseUrl;
import dev.casebook.content.Lang;
import java.util.List;

/**
 * {@code sitemap.xml} with {@code xhtml:link} alternates, so search engines pair translations. It
 * lists the pages whose kind gives them a {@link Page.Listing}: an article shown in a language it
 * was not translated into is left out, since its canonical URL is the original's.
 */
final class Sitemap {

    private final BaseUrl base;
    private final List<Page> pages;

    Sitemap(BaseUrl base, List<Page> pages) {
        this.base = base;
        this.pages = pages;
    }

    String xml() {
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (Page page : pages) {
            page.listing().ifPresent(listing -> url(out, page.path(), listing));
        }
        out.append("</urlset>\n");
        return out.toString();
    }

    private void url(StringBuilder out, String path, Page.Listing listing) {
        out.append("  <url>\n    <loc>").append(Html.escape(base.absolute(path))).append("</loc>\n");
        listing.lastModified().ifPresent(date -> out.append("    <lastmod>").append(date).append("</lastmod>\n"));
        if (listing.languages().size() > 1) {
            for (Lang l : listing.languages()) {
                out.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(l.code()).append("\" href=\"")
                        .append(Html.escape(base.absolute(listing.pathIn().apply(l)))).append("\"/>\n");
            }
        }
        out.append("  </url>\n");
    }
}
