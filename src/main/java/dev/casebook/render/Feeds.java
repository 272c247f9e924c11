package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.Lang;
import dev.casebook.content.Output;
import dev.casebook.content.Routes;
import dev.casebook.content.SiteContent;
import dev.casebook.content.Translation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One Atom feed per language ({@code /<lang>/feed.xml}) with the newest translations written in that
 * language. Dates come from front matter, never from the clock, so feeds are reproducible.
 */
final class Feeds {

    private static final int ENTRIES = 50;

    private final SiteContent source;
    private final BaseUrl base;
    private final Theme theme;

    Feeds(SiteContent source, BaseUrl base, Theme theme) {
        this.source = source;
        this.base = base;
        this.theme = theme;
    }

    List<Output> feeds() {
        List<Output> out = new ArrayList<>();
        for (Lang lang : source.config().languages()) {
            // produced when written or served, like the pages
            out.add(new Output.Lazy(Routes.feed(lang), () -> feed(lang).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private record Entry(Article article, Translation translation) {
    }

    private String feed(Lang lang) {
        List<Entry> entries = source.articles().stream()
                .flatMap(a -> a.translation(lang).stream().map(t -> new Entry(a, t)))
                .sorted(Comparator.comparing((Entry e) -> e.translation().lastModified()).reversed()
                        .thenComparing(e -> e.article().id()))
                .limit(ENTRIES)
                .toList();
        LocalDate updated = entries.stream().map(e -> e.translation().lastModified())
                .max(Comparator.naturalOrder()).orElse(LocalDate.of(2000, 1, 1));
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(lang.code()).append("\">\n");
        x.append("  <title>").append(Html.escape(source.config().title(lang))).append("</title>\n");
        if (!source.config().description(lang).isEmpty()) {
            x.append("  <subtitle>").append(Html.escape(source.config().description(lang))).append("</subtitle>\n");
        }
        x.append("  <id>").append(Html.escape(id(Routes.home(lang)))).append("</id>\n");
        x.append("  <link rel=\"self\" href=\"").append(Html.escape(base.absolute(Routes.feed(lang)))).append("\"/>\n");
        x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Html.escape(base.absolute(Routes.home(lang)))).append("\"/>\n");
        x.append("  <updated>").append(timestamp(updated)).append("</updated>\n");
        x.append("  <generator>Casebook</generator>\n");
        for (Entry e : entries) {
            String path = Routes.article(lang, e.article());
            x.append("  <entry>\n");
            x.append("    <title>").append(Html.escape(e.translation().title())).append("</title>\n");
            x.append("    <id>").append(Html.escape(id(path))).append("</id>\n");
            x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Html.escape(base.absolute(path))).append("\"/>\n");
            x.append("    <published>").append(timestamp(e.translation().date())).append("</published>\n");
            x.append("    <updated>").append(timestamp(e.translation().lastModified())).append("</updated>\n");
            x.append("    <author><name>").append(Html.escape(theme.strings(lang).getOrDefault("feed_author", "Casebook")))
                    .append("</name></author>\n");
            for (String tag : e.article().facts().tags()) {
                x.append("    <category term=\"").append(Html.escape(tag)).append("\"/>\n");
            }
            x.append("    <summary>").append(Html.escape(e.translation().summary())).append("</summary>\n");
            x.append("  </entry>\n");
        }
        x.append("</feed>\n");
        return x.toString();
    }

    /** Atom ids must be absolute IRIs; without a known origin a stable URN stands in. */
    private String id(String path) {
        return base.hasOrigin() ? base.absolute(path) : "urn:casebook:" + path;
    }

    private static String timestamp(LocalDate date) {
        return date + "T00:00:00Z";
    }
}
