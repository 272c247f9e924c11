package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.SiteConfig;
import dev.casebook.content.SiteContent;
import dev.casebook.content.TranslationResult;
import java.util.List;
import java.util.Map;

/**
 * What the preview's renders keep for the next one: the site index, the related-article
 * groupings and each article's pages of the last render. After an edit that leaves the groupings as they were (a body, a
 * title, a date), the next render swaps the edited articles into them instead of grouping 10,000
 * articles again; any other change makes them anew. A render with or without it gives the same
 * pages.
 */
public final class RenderCache {

    private SiteIndex index;
    private RelatedArticles related;
    /** each article's pages, by article object, and the config they were made under */
    private Map<Article, List<Page>> articlePages = Map.of();
    private SiteConfig pagesConfig;

    /** A site index and the related articles grouped from it. */
    record Groupings(SiteIndex index, RelatedArticles related) {

        /** The groupings of {@code source}, made anew: a build without a cache. */
        static Groupings of(SiteContent source, Map<String, TranslationResult> entries) {
            SiteIndex index = new SiteIndex(source, entries);
            return new Groupings(index, new RelatedArticles(index));
        }
    }

    /** The index of {@code source} and its related articles, from the last ones when only articles' contents changed. */
    synchronized Groupings groupings(SiteContent source, Map<String, TranslationResult> entries) {
        SiteIndex next = SiteIndex.following(index, source, entries);
        if (next != index) {
            // an index with articles swapped in place keeps the positions the related articles are grouped by
            related = next.sameShape() && related != null ? related.following(next) : new RelatedArticles(next);
            index = next;
        }
        return new Groupings(index, related);
    }

    /** Each article's pages from the last render, when it was made under the same config (else none). */
    synchronized Map<Article, List<Page>> articlePages(SiteConfig config) {
        return config.equals(pagesConfig) ? articlePages : Map.of();
    }

    /** Keeps this render's pages of each article for the next. */
    synchronized void articlePages(SiteConfig config, Map<Article, List<Page>> pages) {
        articlePages = pages;
        pagesConfig = config;
    }
}
