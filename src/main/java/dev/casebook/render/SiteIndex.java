package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.TranslationResult;
import dev.casebook.content.Lang;
import dev.casebook.content.SnippetVerdict;
import dev.casebook.content.SiteContent;
import dev.casebook.content.Translation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's articles grouped the ways its pages list them, computed once per build and shared by
 * every page kind, the sitemap and the data files: by section, tag, error string, product and the
 * rule their snippets demonstrate. Sorted keys, so every list comes out in the same order on every
 * build.
 */
final class SiteIndex {

    private final SiteContent source;
    private final Lang defaultLang;
    private final Map<String, List<Article>> bySection = new TreeMap<>();
    private final Map<String, List<Article>> byTag = new TreeMap<>();
    private final Map<String, List<Article>> byError = new TreeMap<>();
    private final Map<String, List<Article>> byProduct = new TreeMap<>();
    private final Map<String, List<Article>> byRule = new HashMap<>();
    private final Map<String, Set<String>> rulesByArticle = new HashMap<>();
    /** each article's place in the source; by identity, since a record's equals walks every translation */
    private final Map<Article, Integer> positions = new IdentityHashMap<>();
    /** the anchor of each error string on the error index ({@code error-1}, … in sorted order) */
    private final Map<String, String> errorAnchors = new HashMap<>();
    private final Map<String, SectionOrder> sectionOrders = new ConcurrentHashMap<>();
    /** per language: how many code blocks are configs, and how many of them a rule or schema checked */
    private final Map<Lang, SnippetCount> snippetCounts = new HashMap<>();

    /** The config snippets of one language, and how many of them were checked, for the footer's claim. */
    record SnippetCount(int configs, int checked) {
        SnippetCount plus(SnippetVerdict v) {
            boolean config = v.status() != SnippetVerdict.Status.NOT_CONFIG;
            boolean done = config && v.status() != SnippetVerdict.Status.NOT_CHECKED;
            return new SnippetCount(configs + (config ? 1 : 0), checked + (done ? 1 : 0));
        }
    }

    /** A section's articles in the order of its page, and where each one is in it. */
    record SectionOrder(List<Article> articles, Map<Article, Integer> at) {
    }

    SiteIndex(SiteContent source, Map<String, TranslationResult> entries) {
        this.source = source;
        this.defaultLang = source.config().defaultLang();
        List<Article> all = source.articles();
        for (int i = 0; i < all.size(); i++) {
            Article a = all.get(i);
            positions.put(a, i);
            bySection.computeIfAbsent(a.section(), k -> new ArrayList<>()).add(a);
            // a tag, error or product written twice lists the article once
            new LinkedHashSet<>(a.facts().tags()).forEach(t -> byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(a));
            new LinkedHashSet<>(a.facts().errors()).forEach(e -> byError.computeIfAbsent(e, k -> new ArrayList<>()).add(a));
            new LinkedHashSet<>(a.facts().products()).forEach(p -> byProduct.computeIfAbsent(p, k -> new ArrayList<>()).add(a));
            for (Translation t : a.translations()) {
                TranslationResult e = entries.get(t.path());
                for (SnippetVerdict v : e == null ? List.<SnippetVerdict>of() : e.snippets()) {
                    snippetCounts.merge(t.lang(), new SnippetCount(0, 0).plus(v),
                            (x, y) -> new SnippetCount(x.configs() + y.configs(), x.checked() + y.checked()));
                }
            }
            Set<String> shown = demonstratedRules(a, entries);
            if (!shown.isEmpty()) {
                shown.forEach(rule -> byRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(a));
                rulesByArticle.put(a.id(), shown);
            }
        }
        int n = 0;
        for (String error : byError.keySet()) {
            errorAnchors.put(error, "error-" + (++n));
        }
    }

    /** The rules the snippets of any translation of {@code a} demonstrate (an {@code expect=} that holds), sorted. */
    private static Set<String> demonstratedRules(Article a, Map<String, TranslationResult> entries) {
        Set<String> shown = new TreeSet<>();
        for (Translation t : a.translations()) {
            TranslationResult e = entries.get(t.path());
            for (SnippetVerdict c : e == null ? List.<SnippetVerdict>of() : e.snippets()) {
                if (c.status() == SnippetVerdict.Status.SHOWS) {
                    shown.addAll(c.rules());
                }
            }
        }
        return shown;
    }

    List<Article> articles() {
        return source.articles();
    }

    SnippetCount snippets(Lang lang) {
        return snippetCounts.getOrDefault(lang, new SnippetCount(0, 0));
    }

    /** The article's place in {@link #articles()}. */
    int position(Article article) {
        return positions.get(article);
    }

    List<String> sections() {
        return List.copyOf(bySection.keySet());
    }

    List<String> tags() {
        return List.copyOf(byTag.keySet());
    }

    List<String> products() {
        return List.copyOf(byProduct.keySet());
    }

    /** Every error string an article solves, sorted, with its articles. */
    Map<String, List<Article>> errors() {
        return Collections.unmodifiableMap(byError);
    }

    List<Article> inSection(String section) {
        return bySection.getOrDefault(section, List.of());
    }

    List<Article> taggedWith(String tag) {
        return byTag.getOrDefault(tag, List.of());
    }

    List<Article> about(String product) {
        return byProduct.getOrDefault(product, List.of());
    }

    List<Article> solving(String error) {
        return byError.getOrDefault(error, List.of());
    }

    /** Articles with a snippet that demonstrates {@code ruleId} (an {@code expect=} that holds). */
    List<Article> demonstrating(String ruleId) {
        return byRule.getOrDefault(ruleId, List.of());
    }

    Set<String> rulesOf(Article a) {
        return rulesByArticle.getOrDefault(a.id(), Set.of());
    }

    String errorAnchor(String error) {
        return errorAnchors.get(error);
    }

    /** The translation shown on a page in a language the article lacks: the default language's, else the original. */
    Translation shown(Article article, Lang lang) {
        return article.translation(lang).orElseGet(() -> article.translation(defaultLang).orElse(article.original()));
    }

    /** An article with what lists sort it by, looked up once: a comparison asked for them every time. */
    private record Dated(Article article, LocalDate modified, String id) {
    }

    private static final Comparator<Dated> NEWEST_FIRST = Comparator.comparing(Dated::modified).reversed()
            .thenComparing(Dated::id);

    /** {@code articles} newest first as shown in {@code lang}, then by id: the order of every list of articles. */
    List<Article> newestFirst(Lang lang, Collection<Article> articles) {
        List<Dated> dated = new ArrayList<>(articles.size());
        for (Article a : articles) {
            dated.add(new Dated(a, shown(a, lang).lastModified(), a.id()));
        }
        dated.sort(NEWEST_FIRST);
        List<Article> out = new ArrayList<>(dated.size());
        dated.forEach(d -> out.add(d.article()));
        return out;
    }

    /** The articles of {@code section} in the order its page lists them in {@code lang}: previous/next follow it. */
    SectionOrder sectionOrder(Lang lang, String section) {
        return sectionOrders.computeIfAbsent(lang.code() + "/" + section, k -> {
            List<Article> in = newestFirst(lang, inSection(section));
            Map<Article, Integer> at = new IdentityHashMap<>();
            for (int i = 0; i < in.size(); i++) {
                at.put(in.get(i), i);
            }
            return new SectionOrder(List.copyOf(in), at);
        });
    }
}
