package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import dev.casebook.diag.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The earlier addresses of an article (its {@code aliases}): at each, a small page that sends the
 * reader on (a refresh, a canonical link, a plain link) and asks search engines not to index it.
 * Listed nowhere: no sitemap, no feed, no search. An alias {@code section/slug} stands for that
 * address in every language; a site path ({@code /en/litellm/old-name/}) for itself.
 */
final class RedirectPage implements PageKind {

    /** One alias: where it is, the article it leads to, and where the writer wrote it. */
    record Alias(String path, Lang lang, Article article, String written, SourcePos pos) {
    }

    @Override
    public String name() {
        return "redirect";
    }

    @Override
    public List<Page> pages(PageContext site) {
        List<Page> pages = new ArrayList<>();
        for (Alias alias : aliases(site)) {
            pages.add(new Page(alias.path(), name(), context -> model(context, alias), Optional.empty(),
                    Optional.of(new Page.Declared(alias.pos(), "alias `" + alias.written() + "`"))));
        }
        return pages;
    }

    /** Every alias of the site, in article order; the renderer reports any that wants a taken address. */
    static List<Alias> aliases(PageContext site) {
        List<Alias> out = new ArrayList<>();
        for (Article article : site.index.withAliases()) {
            List<String> aliases = article.facts().aliases();
            SourcePos pos = article.facts().written().getOrDefault("aliases", SourcePos.file(article.original().path()));
            for (String alias : aliases) {
                if (alias.startsWith("/")) {
                    String path = alias.substring(1);
                    String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
                    Lang lang = site.config.languages().stream().filter(l -> l.code().equals(first)).findFirst()
                            .orElse(site.config.defaultLang());
                    out.add(new Alias(path, lang, article, alias, pos));
                } else {
                    for (Lang lang : site.config.languages()) {
                        out.add(new Alias(lang.code() + "/" + alias + "/", lang, article, alias, pos));
                    }
                }
            }
        }
        return out;
    }

    private Map<String, Object> model(PageContext site, Alias alias) {
        String target = Routes.article(alias.lang(), alias.article());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", alias.lang().code());
        model.put("title", site.index.shown(alias.article(), alias.lang()).title());
        model.put("href", site.base.url(target));
        model.put("canonical", site.base.absolute(target));
        model.put("t", site.strings(alias.lang()));
        return model;
    }
}
