package dev.casebook.check;

import dev.casebook.content.Article;
import dev.casebook.content.Lang;
import dev.casebook.content.Provenance;
import dev.casebook.content.SiteContent;
import dev.casebook.content.Translation;
import dev.casebook.content.TranslationReport.State;
import dev.casebook.content.TranslationReport;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The translation part of the check stage: for each article and language, whether the file is an
 * original, a translation of the current source, an outdated translation (its source changed
 * after it was made) or missing.
 *
 * <p>Diagnostic ids: {@code translation-outdated} (warning; an error with {@code --strict}),
 * {@code translation-source} (error: {@code translated_from} names its own language or a language
 * the article is not written in).
 */
public final class TranslationCheck {

    /** One article's row and findings. */
    private record Checked(TranslationReport.Row row, List<Diagnostic> diagnostics) {
    }

    private final boolean remembering;
    /** the last call's articles and what checking each gave, by position */
    private List<Article> lastArticles = List.of();
    private Checked[] lastChecked = new Checked[0];
    private List<Lang> lastLanguages = List.of();

    public TranslationCheck() {
        this(false);
    }

    private TranslationCheck(boolean remembering) {
        this.remembering = remembering;
    }

    /**
     * A check for the preview: an article that is the same object as in the last call, in the same
     * languages, keeps the row and findings it had then. Articles are immutable, so the result is
     * the same as checking it again.
     */
    public static TranslationCheck remembering() {
        return new TranslationCheck(true);
    }

    public synchronized Outcome<TranslationReport> check(SiteContent source) {
        List<Lang> languages = source.config().languages();
        List<Article> articles = source.articles();
        boolean same = remembering && languages.equals(lastLanguages);
        Map<Article, Checked> moved = null; // the last call's results by article, made only when positions shifted
        Checked[] now = new Checked[articles.size()];
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<TranslationReport.Row> rows = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            Checked checked = null;
            if (same && i < lastArticles.size() && lastArticles.get(i) == article) {
                checked = lastChecked[i];
            } else if (same) {
                if (moved == null) {
                    moved = new IdentityHashMap<>(lastArticles.size());
                    for (int k = 0; k < lastArticles.size(); k++) {
                        moved.put(lastArticles.get(k), lastChecked[k]);
                    }
                }
                checked = moved.get(article);
            }
            if (checked == null) {
                checked = check(article, languages);
            }
            now[i] = checked;
            rows.add(checked.row());
            diagnostics.addAll(checked.diagnostics());
        }
        if (remembering) {
            lastArticles = articles;
            lastChecked = now;
            lastLanguages = languages;
        }
        return Outcome.of(new TranslationReport(languages, rows), diagnostics);
    }

    private static Checked check(Article article, List<Lang> languages) {
        List<Diagnostic> diagnostics = new ArrayList<>(0);
        Map<Lang, State> states = new LinkedHashMap<>();
        Map<Lang, Provenance> sources = new LinkedHashMap<>();
        for (Lang lang : languages) {
            Optional<Translation> t = article.translation(lang);
            if (t.isEmpty()) {
                states.put(lang, State.MISSING);
            } else if (t.get().translatedFrom().isEmpty()) {
                states.put(lang, State.ORIGINAL);
            } else {
                states.put(lang, state(article, t.get(), t.get().translatedFrom().get(), sources, diagnostics));
            }
        }
        return new Checked(new TranslationReport.Row(article.id(), states, sources), List.copyOf(diagnostics));
    }

    private static State state(Article article, Translation t, Provenance from, Map<Lang, Provenance> sources,
                               List<Diagnostic> diagnostics) {
        if (from.lang().equals(t.lang())) {
            diagnostics.add(Diagnostic.error("translation-source", from.pos(),
                    "`translated_from` names the file's own language `" + from.lang() + "`",
                    "name the language this file was translated from, or remove the key if it is the original"));
            return State.ORIGINAL;
        }
        Optional<Translation> source = article.translation(from.lang());
        if (source.isEmpty()) {
            diagnostics.add(Diagnostic.error("translation-source", from.pos(),
                    "translated from `" + from.lang() + "`, but content/" + article.id() + " has no index." + from.lang() + ".md",
                    "remove `translated_from` if this file is now the original"));
            return State.ORIGINAL;
        }
        sources.put(t.lang(), new Provenance(from.lang(), source.get().revision(),
                SourcePos.file(source.get().path())));
        if (source.get().revision().equals(from.revision())) {
            return State.CURRENT;
        }
        diagnostics.add(Diagnostic.warning("translation-outdated", from.pos(),
                "translated from " + from.text() + ", but " + source.get().path() + " has changed since (now "
                        + from.lang() + "@" + source.get().revision() + ")",
                "bring the translation up to date with the " + from.lang() + " text, then run: casebook translations --stamp "
                        + t.path()));
        return State.OUTDATED;
    }
}
