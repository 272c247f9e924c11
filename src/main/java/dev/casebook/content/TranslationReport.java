package dev.casebook.content;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where every translation of every article stands, for {@code casebook translations}, the
 * site's status page and the pull-request summary.
 *
 * @param languages the site's languages, in order
 * @param rows      one per article, sorted by id
 */
public record TranslationReport(List<Lang> languages, List<Row> rows) {

    public static final TranslationReport EMPTY = new TranslationReport(List.of(), List.of());

    /** The state of one language of one article. */
    public enum State {
        /** Written in this language, not translated from another. */
        ORIGINAL,
        /** Translated from a revision of the source that is still current. */
        CURRENT,
        /** Translated from an older revision of the source: the source changed since. */
        OUTDATED,
        /** No file in this language: readers see the original with a notice. */
        MISSING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One article.
     *
     * @param states  the state of each language
     * @param sources for a translated language, the source language and its current revision
     */
    public record Row(String article, Map<Lang, State> states, Map<Lang, Provenance> sources) {
        public Row {
            states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
            sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        }
    }

    public TranslationReport {
        languages = List.copyOf(languages);
        rows = List.copyOf(rows);
    }

    /** How many articles are in each state, per language. */
    public Map<Lang, Map<State, Integer>> counts() {
        Map<Lang, Map<State, Integer>> counts = new LinkedHashMap<>();
        for (Lang lang : languages) {
            Map<State, Integer> perState = new EnumMap<>(State.class);
            for (State s : State.values()) {
                perState.put(s, 0);
            }
            for (Row row : rows) {
                perState.merge(row.states().get(lang), 1, Integer::sum);
            }
            counts.put(lang, perState);
        }
        return counts;
    }
}
