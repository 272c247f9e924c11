package dev.casebook.render;

import dev.casebook.content.Article;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Up to four articles that share the most with an article: an error string counts 3, a rule both
 * demonstrate 2, a distinctive tag or product 1 each, and only a total of 2 or more counts; ties go
 * by id. A tag or product is distinctive when fewer than half of the site's articles, and at most
 * {@value #DISTINCTIVE_AT_MOST}, have it: one that nearly every article has relates nothing (and
 * the bound keeps the work per article small on a large site). Each article's list is computed
 * once, for all its languages.
 */
final class RelatedArticles {

    private static final int SHOWN = 4;
    static final int DISTINCTIVE_AT_MOST = 100;
    private static final int[] NONE = {};

    private final SiteIndex index;
    private final List<Article> all;
    private final Map<String, int[]> errorPositions;
    private final Map<String, int[]> rulePositions;
    /** the articles of each distinctive tag and product, by position */
    private final Map<String, int[]> tagPositions;
    private final Map<String, int[]> productPositions;
    private final AtomicReferenceArray<List<Article>> known;
    /** per-thread scores by article position: gathered through the groupings, no scan of the site and no boxing */
    private final ThreadLocal<int[]> scores;

    RelatedArticles(SiteIndex index) {
        this.index = index;
        this.all = index.articles();
        this.errorPositions = positions(index.errors().keySet(), index::solving);
        this.rulePositions = positions(index.articles().stream().flatMap(a -> index.rulesOf(a).stream())
                .collect(Collectors.toCollection(TreeSet::new)), index::demonstrating);
        this.tagPositions = positions(distinctive(index.tags(), index::taggedWith), index::taggedWith);
        this.productPositions = positions(distinctive(index.products(), index::about), index::about);
        this.known = new AtomicReferenceArray<>(all.size());
        this.scores = ThreadLocal.withInitial(() -> new int[all.size()]);
    }

    /** The same groupings by position, for {@code next}: an index with the same shape (some articles swapped in place). */
    private RelatedArticles(RelatedArticles previous, SiteIndex next) {
        this.index = next;
        this.all = next.articles();
        this.errorPositions = previous.errorPositions;
        this.rulePositions = previous.rulePositions;
        this.tagPositions = previous.tagPositions;
        this.productPositions = previous.productPositions;
        this.known = new AtomicReferenceArray<>(all.size());
        this.scores = ThreadLocal.withInitial(() -> new int[all.size()]);
    }

    /** These groupings for {@code next}, an index made from this one's with articles swapped in place. */
    RelatedArticles following(SiteIndex next) {
        return new RelatedArticles(this, next);
    }

    private List<String> distinctive(List<String> values, Function<String, List<Article>> articles) {
        return values.stream().filter(v -> {
            int n = articles.apply(v).size();
            return n * 2 < all.size() && n <= DISTINCTIVE_AT_MOST;
        }).toList();
    }

    private Map<String, int[]> positions(Collection<String> keys, Function<String, List<Article>> articles) {
        Map<String, int[]> out = new HashMap<>();
        keys.forEach(k -> out.put(k, articles.apply(k).stream().mapToInt(index::position).toArray()));
        return out;
    }

    List<Article> of(Article article) {
        int self = index.position(article);
        List<Article> done = known.get(self);
        if (done != null) {
            return done;
        }
        Tally tally = new Tally(scores.get());
        tally.add(article.facts().errors(), errorPositions, 3);
        tally.add(index.rulesOf(article), rulePositions, 2);
        tally.add(article.facts().tags(), tagPositions, 1);
        tally.add(article.facts().products(), productPositions, 1);
        int[] best = new int[SHOWN];
        int[] bestScore = new int[SHOWN];
        int found = 0;
        for (int k = 0; k < tally.count; k++) {
            int i = tally.touched[k];
            int s = tally.score[i];
            tally.score[i] = 0; // the array is the thread's, zero again for its next article
            if (i == self) {
                continue;
            }
            if (s <= 1) {
                continue;
            }
            // insertion into the best four: higher score first, then the smaller id
            int at = found;
            while (at > 0 && (s > bestScore[at - 1] || s == bestScore[at - 1] && all.get(i).id().compareTo(all.get(best[at - 1]).id()) < 0)) {
                at--;
            }
            if (at < SHOWN) {
                int moved = Math.min(found, SHOWN - 1) - at;
                System.arraycopy(best, at, best, at + 1, moved);
                System.arraycopy(bestScore, at, bestScore, at + 1, moved);
                best[at] = i;
                bestScore[at] = s;
                found = Math.min(found + 1, SHOWN);
            }
        }
        List<Article> out = new ArrayList<>(found);
        for (int k = 0; k < found; k++) {
            out.add(all.get(best[k]));
        }
        List<Article> result = List.copyOf(out);
        known.set(self, result);
        return result;
    }

    /** Scores by article position, and which positions have one, in the order they got it. */
    private static final class Tally {
        final int[] score;
        int[] touched = new int[32];
        int count;

        Tally(int[] score) {
            this.score = score;
        }

        /** {@code points} to every article that shares one of {@code values} (each value once). */
        void add(Collection<String> values, Map<String, int[]> articlesOf, int points) {
            for (String v : new TreeSet<>(values)) {
                add(articlesOf.getOrDefault(v, NONE), points);
            }
        }

        void add(int[] positions, int points) {
            for (int i : positions) {
                if (score[i] == 0) {
                    if (count == touched.length) {
                        touched = Arrays.copyOf(touched, count * 2);
                    }
                    touched[count++] = i;
                }
                score[i] += points;
            }
        }
    }
}
