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
    /** the entries the index was made from, for {@link #following} to compare with */
    private final Map<String, TranslationResult> entries;
    private final Lang defaultLang;
    private final Map<String, List<Article>> bySection;
    private final Map<String, List<Article>> byTag;
    private final Map<String, List<Article>> byError;
    private final Map<String, List<Article>> byProduct;
    private final Map<String, List<Article>> byRule;
    private final Map<String, Set<String>> rulesByArticle;
    /** the articles with earlier addresses ({@code aliases}), in source order: few, and every redirect comes from them */
    private final List<Article> withAliases;
    /** each article's place in the source; by identity, since a record's equals walks every translation */
    private final IdentityHashMap<Article, Integer> positions;
    /** the anchor of each error string on the error index ({@code error-1}, … in sorted order) */
    private final Map<String, String> errorAnchors;
    private final Map<String, SectionOrder> sectionOrders = new ConcurrentHashMap<>();
    /** per language: how many code blocks are configs, and how many of them a rule or schema checked */
    private final Map<Lang, SnippetCount> snippetCounts;
    /** true when this index is an earlier one with some articles swapped for their new versions, groups unchanged */
    private final boolean sameShape;

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
        this.entries = entries;
        this.defaultLang = source.config().defaultLang();
        this.bySection = new TreeMap<>();
        this.byTag = new TreeMap<>();
        this.byError = new TreeMap<>();
        this.byProduct = new TreeMap<>();
        this.byRule = new HashMap<>();
        this.rulesByArticle = new HashMap<>();
        this.positions = new IdentityHashMap<>();
        this.errorAnchors = new HashMap<>();
        this.snippetCounts = new HashMap<>();
        this.withAliases = new ArrayList<>();
        this.sameShape = false;
        List<Article> all = source.articles();
        for (int i = 0; i < all.size(); i++) {
            Article a = all.get(i);
            positions.put(a, i);
            if (!a.facts().aliases().isEmpty()) {
                withAliases.add(a);
            }
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

    /**
     * The index of {@code source} and {@code entries}, made from {@code previous} when only some
     * articles changed and none of them in a way the groupings see (the preview's usual edit: a
     * body, a title, a date): the changed articles take their old ones' places in every list, and
     * everything else is shared. Otherwise, or without a previous index, made anew. Either way
     * the result is the index {@code new SiteIndex(source, entries)} would make.
     */
    static SiteIndex following(SiteIndex previous, SiteContent source, Map<String, TranslationResult> entries) {
        if (previous == null || !previous.source.config().equals(source.config())
                || previous.source.articles().size() != source.articles().size()) {
            return new SiteIndex(source, entries);
        }
        List<Article> before = previous.source.articles();
        List<Article> now = source.articles();
        Map<Article, Article> swapped = new IdentityHashMap<>();
        for (int i = 0; i < now.size(); i++) {
            Article was = before.get(i);
            Article is = now.get(i);
            if (was == is && sameEntries(is, previous.entries, entries)) {
                continue;
            }
            if (!is.id().equals(was.id()) || !is.facts().tags().equals(was.facts().tags())
                    || !is.facts().errors().equals(was.facts().errors()) || !is.facts().products().equals(was.facts().products())
                    || !is.facts().aliases().equals(was.facts().aliases())
                    || !counts(was, previous.entries).equals(counts(is, entries))
                    || !demonstratedRules(was, previous.entries).equals(demonstratedRules(is, entries))) {
                return new SiteIndex(source, entries);
            }
            if (was != is) {
                swapped.put(was, is);
            }
        }
        return swapped.isEmpty() && previous.source == source ? previous : new SiteIndex(previous, source, entries, swapped);
    }

    /** {@code previous} with the articles of {@code swapped} replaced by their new versions. */
    @SuppressWarnings("unchecked") // IdentityHashMap.clone
    private SiteIndex(SiteIndex previous, SiteContent source, Map<String, TranslationResult> entries, Map<Article, Article> swapped) {
        this.source = source;
        this.entries = entries;
        this.defaultLang = previous.defaultLang;
        this.bySection = new TreeMap<>(previous.bySection);
        this.byTag = new TreeMap<>(previous.byTag);
        this.byError = new TreeMap<>(previous.byError);
        this.byProduct = new TreeMap<>(previous.byProduct);
        this.byRule = new HashMap<>(previous.byRule);
        this.rulesByArticle = previous.rulesByArticle;
        this.errorAnchors = previous.errorAnchors;
        this.snippetCounts = previous.snippetCounts;
        this.positions = (IdentityHashMap<Article, Integer>) previous.positions.clone();
        this.withAliases = new ArrayList<>(previous.withAliases);
        this.sameShape = true;
        swapped.forEach((was, is) -> {
            positions.put(is, positions.remove(was));
            swap(bySection, List.of(is.section()), was, is);
            swap(byTag, is.facts().tags(), was, is);
            swap(byError, is.facts().errors(), was, is);
            swap(byProduct, is.facts().products(), was, is);
            swap(byRule, rulesByArticle.getOrDefault(is.id(), Set.of()), was, is);
            withAliases.replaceAll(a -> a == was ? is : a);
        });
    }

    /** In each group of {@code keys}, a copy of its list with {@code was} replaced by {@code is}. */
    private static void swap(Map<String, List<Article>> groups, Collection<String> keys, Article was, Article is) {
        for (String key : new LinkedHashSet<>(keys)) {
            List<Article> list = new ArrayList<>(groups.get(key));
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == was) {
                    list.set(i, is);
                }
            }
            groups.put(key, list);
        }
    }

    /** True when every translation of {@code a} has the same entry object in both maps. */
    private static boolean sameEntries(Article a, Map<String, TranslationResult> before, Map<String, TranslationResult> now) {
        for (Translation t : a.translations()) {
            if (before.get(t.path()) != now.get(t.path())) {
                return false;
            }
        }
        return true;
    }

    /** Per translation of {@code a}, in order, its language, its config snippets and how many were checked. */
    private static List<Map.Entry<Lang, SnippetCount>> counts(Article a, Map<String, TranslationResult> entries) {
        List<Map.Entry<Lang, SnippetCount>> out = new ArrayList<>();
        for (Translation t : a.translations()) {
            TranslationResult e = entries.get(t.path());
            SnippetCount c = new SnippetCount(0, 0);
            for (SnippetVerdict v : e == null ? List.<SnippetVerdict>of() : e.snippets()) {
                c = c.plus(v);
            }
            out.add(Map.entry(t.lang(), c));
        }
        return out;
    }

    /** True when this index is an earlier one with articles swapped in place: every article kept its position and groups. */
    boolean sameShape() {
        return sameShape;
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

    /** The articles with earlier addresses, in source order. */
    List<Article> withAliases() {
        return Collections.unmodifiableList(withAliases);
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
