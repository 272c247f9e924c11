package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.Document;
import dev.casebook.content.TranslationResult;
import dev.casebook.content.Facts;
import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import dev.casebook.content.Translation;
import dev.casebook.content.TranslationReport;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An article in each site language. A language it was not translated into shows the original
 * with a notice; only real translations are listed in the sitemap.
 */
final class ArticlePage implements PageKind {

    private static final String NAME = "article";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Page> pages(PageContext site) {
        // the preview keeps each article's pages from one render to the next: a page is a value, its model made when asked
        Map<Article, List<Page>> before = site.cache == null ? Map.of() : site.cache.articlePages(site.config);
        Map<Article, List<Page>> now = site.cache == null ? null : new IdentityHashMap<>(site.index.articles().size());
        List<Page> pages = new ArrayList<>(site.index.articles().size() * site.config.languages().size());
        for (Article article : site.index.articles()) {
            List<Page> own = before.get(article);
            if (own == null) {
                own = pagesOf(site, article);
            }
            pages.addAll(own);
            if (now != null) {
                now.put(article, own);
            }
        }
        if (site.cache != null) {
            site.cache.articlePages(site.config, now);
        }
        return pages;
    }

    /** The article's page in each site language. */
    private static List<Page> pagesOf(PageContext site, Article article) {
        List<Lang> translated = article.translations().stream().map(Translation::lang).toList();
        List<Page> pages = new ArrayList<>(site.config.languages().size());
        for (Lang lang : site.config.languages()) {
            Optional<Page.Listing> listing = article.translation(lang).map(t -> new Page.Listing(translated,
                    l -> Routes.article(l, article), Optional.of(t.lastModified().toString())));
            pages.add(new Page(Routes.article(lang, article), NAME, context -> model(context, lang, article), listing));
        }
        return List.copyOf(pages);
    }

    private static Map<String, Object> model(PageContext site, Lang lang, Article article) {
        Optional<Translation> own = article.translation(lang);
        Translation shown = site.index.shown(article, lang);
        List<Lang> translated = article.translations().stream().map(Translation::lang).toList();
        Lang xDefault = translated.contains(site.config.defaultLang()) ? site.config.defaultLang() : article.original().lang();
        Views.PageView page = site.page(NAME, lang, shown.title(), shown.summary(), l -> Routes.article(l, article),
                Routes.article(xDefault, article), translated, Routes.article(shown.lang(), article), own.isEmpty());
        TranslationResult entry = site.entries.get(shown.path());
        Document doc = entry.document();
        // a translation whose original changed since it was made says so, and links to the original
        Optional<Lang> outdatedFrom = own.isPresent()
                && site.translationState(article, lang) == TranslationReport.State.OUTDATED
                ? own.get().translatedFrom().map(p -> p.lang()) : Optional.empty();
        Views.ArticleView view = new Views.ArticleView(
                new Views.ArticleView.Text(shown.title(), shown.summary(), shown.lang().code(),
                        new SafeString(site.body.of(lang, entry)),
                        doc.headings().stream().filter(h -> h.level() == 2 || h.level() == 3)
                                .map(h -> new Views.TocEntry(h.level(), h.text(), h.id())).toList(),
                        !doc.snippets().isEmpty(), fixId(site, doc, shown.lang())),
                new Views.ArticleView.Dates(shown.date().toString(), site.formatDate(shown.date(), lang),
                        // an update on the day of publication is no news to the reader
                        shown.updated().filter(shown.date()::isBefore).map(LocalDate::toString).orElse(""),
                        shown.updated().filter(shown.date()::isBefore).map(d -> site.formatDate(d, lang)).orElse("")),
                facts(site, lang, article),
                new Views.ArticleView.Notices(
                        own.isEmpty() ? site.languageName(shown.lang()) : "",
                        own.isEmpty() ? site.base.url(Routes.article(shown.lang(), article)) : "",
                        outdatedFrom.map(site::languageName).orElse(""),
                        outdatedFrom.map(Lang::code).orElse(""),
                        outdatedFrom.map(l -> site.base.url(Routes.article(l, article))).orElse("")),
                around(site, lang, article, shown));
        if (site.base.hasOrigin() && own.isPresent()) {
            // a page in a language the article lacks has the original as its canonical: only real translations describe themselves
            page = described(site, lang, article, shown, page);
        }
        Map<String, Object> model = site.model(lang, page);
        model.put("article", view);
        model.put("navSection", site.base.url(Routes.section(lang, article.section())));
        return model;
    }

    /** The article's link-preview tags and its JSON-LD: a TechArticle, its translations, and the breadcrumbs the page shows. */
    private static Views.PageView described(PageContext site, Lang lang, Article article, Translation shown, Views.PageView page) {
        List<LinkPreview.Translated> others = new ArrayList<>();
        for (Translation t : article.translations()) {
            boolean original = shown.translatedFrom().map(p -> p.lang().equals(t.lang())).orElse(false);
            boolean translation = t.translatedFrom().map(p -> p.lang().equals(shown.lang())).orElse(false);
            if (!t.lang().equals(shown.lang()) && (original || translation)) {
                others.add(new LinkPreview.Translated(t.lang().code(), site.base.absolute(Routes.article(t.lang(), article)), original));
            }
        }
        LinkPreview.ArticleFacts facts = new LinkPreview.ArticleFacts(shown.date().toString(), shown.lastModified().toString(),
                article.facts().tags(), site.config.sectionTitle(article.section(), lang),
                article.facts().products().stream().map(p -> site.config.productName(p, lang)).toList(),
                site.base.absolute(Routes.home(lang)), site.strings(lang).get("home"),
                site.base.absolute(Routes.section(lang, article.section())), others);
        List<Views.Meta> tags = new ArrayList<>(LinkPreview.tags(site.config.title(lang), page, "article", site.cardImage()));
        tags.addAll(LinkPreview.articleTags(facts));
        return page.described(tags, LinkPreview.article(page, facts, site.config.title(lang)));
    }

    private static Views.ArticleView.Facts facts(PageContext site, Lang lang, Article article) {
        Facts facts = article.facts();
        return new Views.ArticleView.Facts(
                new Views.NamedLink(site.config.sectionTitle(article.section(), lang), site.base.url(Routes.section(lang, article.section()))),
                facts.tags().stream().map(tag -> new Views.NamedLink(tag, site.base.url(Routes.tag(lang, tag)))).toList(),
                facts.products().stream()
                        .map(p -> new Views.NamedLink(site.config.productName(p, lang), site.base.url(Routes.product(lang, p)))).toList(),
                facts.errors(),
                facts.verifiedWith().entrySet().stream().map(e -> new Views.Version(e.getKey(), e.getValue())).toList(),
                facts.values());
    }

    /** The edit link, the previous and next article of the section in its page's order, and related articles. */
    private static Views.ArticleView.Around around(PageContext site, Lang lang, Article article, Translation shown) {
        Views.NamedLink none = new Views.NamedLink("", "");
        SiteIndex.SectionOrder section = site.index.sectionOrder(lang, article.section());
        int at = section.at().getOrDefault(article, -1);
        Views.NamedLink previous = at > 0 ? site.cardLink(lang, section.articles().get(at - 1)) : none;
        Views.NamedLink next = at >= 0 && at + 1 < section.articles().size() ? site.cardLink(lang, section.articles().get(at + 1)) : none;
        return new Views.ArticleView.Around(
                site.config.repository().map(r -> r.replaceAll("/+$", "") + "/edit/main/" + shown.path()).orElse(""),
                previous, next, site.cards(lang, site.related.of(article)), stillBroken(site, lang, article, shown));
    }

    /**
     * A new issue in the site's repository (GitHub or GitLab), its title and text prefilled with the
     * article, the page's language, the versions the fix was verified with, and what to tell: no
     * script, nothing sent until the reader submits it.
     */
    private static String stillBroken(PageContext site, Lang lang, Article article, Translation shown) {
        Optional<String> repository = site.config.repository().map(r -> r.replaceAll("/+$", ""));
        if (repository.isEmpty()) {
            return "";
        }
        String versions = article.facts().verifiedWith().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("-");
        String title = site.strings(lang).get("still_broken_title").replace("{title}", shown.title());
        String body = site.strings(lang).get("still_broken_issue")
                .replace("{url}", site.base.absolute(Routes.article(lang, article)))
                .replace("{lang}", lang.code()).replace("{versions}", versions);
        String repo = repository.get();
        if (repo.startsWith("https://github.com/")) {
            return repo + "/issues/new?title=" + query(title) + "&body=" + query(body);
        }
        if (repo.startsWith("https://gitlab.com/")) {
            return repo + "/-/issues/new?issue%5Btitle%5D=" + query(title) + "&issue%5Bdescription%5D=" + query(body);
        }
        return "";
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The id of the article's fix: its first h2 named as the theme's {@code fix_headings} say in the
     * text's language ("Fix", "解决方法"…), or empty. The header links there, so the answer is one
     * step from the first screen.
     */
    private static String fixId(PageContext site, Document doc, Lang textLang) {
        Set<String> names = site.fixHeadings(textLang);
        return doc.headings().stream().filter(h -> h.level() == 2 && names.contains(h.text().strip()))
                .map(h -> h.id()).findFirst().orElse("");
    }
}
