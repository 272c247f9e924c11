package dev.casebook.pipeline;

import dev.casebook.content.Article;
import dev.casebook.content.BaseUrl;
import dev.casebook.content.TranslationResult;
import dev.casebook.content.Heading;
import dev.casebook.content.Lang;
import dev.casebook.content.Translation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a link in an article may resolve to: the site's base URL and languages, and per
 * article its translations, files and headings. When these are equal from one preview build to the
 * next, a document that did not change resolves its links as before.
 */
record LinkTargets(BaseUrl baseUrl, List<Lang> languages, Map<String, ArticleTargets> articles) {

    /** What a link to one article may resolve to. */
    record ArticleTargets(List<Lang> languages, List<String> resources, List<List<Heading>> headings) {

        static ArticleTargets of(Article a, Map<String, TranslationResult> entries) {
            List<Lang> languages = new ArrayList<>(a.translations().size());
            List<List<Heading>> headings = new ArrayList<>(a.translations().size());
            for (Translation t : a.translations()) {
                languages.add(t.lang());
                headings.add(entries.get(t.path()).document().headings());
            }
            return new ArticleTargets(languages, a.resources(), headings);
        }
    }

    static LinkTargets of(BuildState site) {
        Map<String, ArticleTargets> targets = new HashMap<>(site.source().articles().size() * 2);
        for (Article a : site.source().articles()) {
            targets.put(a.id(), ArticleTargets.of(a, site.entries()));
        }
        return new LinkTargets(site.source().config().baseUrl(), site.source().config().languages(), Map.copyOf(targets));
    }

    /** True when the articles {@code ids} offer links the same targets in {@code after} as in {@code before}. */
    static boolean same(BuildState before, BuildState after, Set<String> ids) {
        Map<String, Article> was = byId(before, ids);
        Map<String, Article> is = byId(after, ids);
        if (!was.keySet().equals(is.keySet())) {
            return false; // an article appeared or went
        }
        for (String id : was.keySet()) {
            if (!ArticleTargets.of(was.get(id), before.entries()).equals(ArticleTargets.of(is.get(id), after.entries()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Article> byId(BuildState site, Set<String> ids) {
        Map<String, Article> out = new HashMap<>();
        for (Article a : site.source().articles()) {
            if (ids.contains(a.id())) {
                out.put(a.id(), a);
            }
        }
        return out;
    }
}
