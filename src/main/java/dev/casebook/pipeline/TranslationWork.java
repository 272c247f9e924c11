package dev.casebook.pipeline;

import dev.casebook.content.Article;
import dev.casebook.content.Translation;
import dev.casebook.content.TranslationResult;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What parse, validate and check share: one piece of work on each translation of the articles in
 * scope, in parallel, and the entries that result.
 *
 * @param entries     every translation's entry: the kept ones with the worked ones put over them
 * @param diagnostics what working on the translations in scope found
 */
record TranslationWork(Map<String, TranslationResult> entries, List<Diagnostic> diagnostics) {

    /**
     * Runs {@code work} on every translation of the articles in scope: all of them, or, after a
     * small change in the preview ({@code delta}), those of the articles it touched. The result
     * starts from {@code kept} without the entries at {@code dropped}.
     */
    static TranslationWork run(BuildState site, Optional<Set<String>> delta, Map<String, TranslationResult> kept,
                               Collection<String> dropped, BiFunction<Article, Translation, Outcome<TranslationResult>> work) {
        List<Map.Entry<String, Outcome<TranslationResult>>> done = Collections.synchronizedList(new ArrayList<>());
        site.source().articles().parallelStream()
                .filter(article -> delta.map(ids -> ids.contains(article.id())).orElse(true))
                .forEach(article -> {
                    for (Translation t : article.translations()) {
                        done.add(Map.entry(t.path(), work.apply(article, t)));
                    }
                });
        // one copy of the kept entries, made here: after a small change it is most of the map
        Map<String, TranslationResult> entries = new HashMap<>((kept.size() + done.size()) * 4 / 3 + 1);
        entries.putAll(kept);
        dropped.forEach(entries::remove);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Map.Entry<String, Outcome<TranslationResult>> d : done) {
            entries.put(d.getKey(), d.getValue().value());
            diagnostics.addAll(d.getValue().diagnostics());
        }
        return new TranslationWork(entries, List.copyOf(diagnostics));
    }

    /** As {@link #run}, keeping all of {@code kept}. */
    static TranslationWork run(BuildState site, Optional<Set<String>> delta, Map<String, TranslationResult> kept,
                               BiFunction<Article, Translation, Outcome<TranslationResult>> work) {
        return run(site, delta, kept, List.of(), work);
    }
}
