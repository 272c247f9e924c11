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

    public Outcome<TranslationReport> check(SiteContent source) {
        List<Lang> languages = source.config().languages();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<TranslationReport.Row> rows = new ArrayList<>();
        for (Article article : source.articles()) {
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
            rows.add(new TranslationReport.Row(article.id(), states, sources));
        }
        return Outcome.of(new TranslationReport(languages, rows), diagnostics);
    }

    private static State state(Article article, Translation t, Provenance from, Map<Lang, Provenance> sources,
                               List<Diagnostic> diagnostics) {
        String stamp = "casebook translations --stamp " + t.path();
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
                "bring the translation up to date with the " + from.lang() + " text, then run: " + stamp));
        return State.OUTDATED;
    }
}
