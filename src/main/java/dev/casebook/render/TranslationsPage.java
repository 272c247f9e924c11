package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import dev.casebook.content.Translation;
import dev.casebook.content.TranslationReport;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where each translation stands (original, current, outdated, missing), with a chart drawn at build time. */
final class TranslationsPage implements PageKind {

    @Override
    public String name() {
        return "translations";
    }

    @Override
    public Set<String> reservedSections() {
        return Set.of("translations");
    }

    @Override
    public List<Page> pages(PageContext site) {
        return site.config.languages().stream()
                .map(lang -> Page.unlisted(Routes.translations(lang), name(), context -> model(context, lang))).toList();
    }

    private Map<String, Object> model(PageContext site, Lang lang) {
        Map<String, String> t = site.strings(lang);
        Map<String, Object> model = site.model(lang, site.pageInEveryLanguage(name(), lang, t.get("translations"),
                t.get("translations_intro"), Routes::translations));
        List<Views.StateLabel> states = Arrays.stream(TranslationReport.State.values()).map(s -> label(t, s)).toList();
        List<Views.CountRow> counts = new ArrayList<>();
        site.translations.counts().forEach((l, perState) -> counts.add(new Views.CountRow(site.languageName(l),
                List.copyOf(perState.values()))));
        Map<String, Article> byId = new HashMap<>();
        site.index.articles().forEach(a -> byId.put(a.id(), a));
        List<Views.StatusRow> rows = site.translations.rows().stream().map(r -> {
            Article a = byId.get(r.article());
            Translation shown = site.index.shown(a, lang);
            return new Views.StatusRow(shown.title(), site.base.url(Routes.article(lang, a)),
                    site.config.languages().stream().map(l -> label(t, r.states().get(l))).toList());
        }).toList();
        model.put("status", new Views.StatusView(new SafeString(StatusChart.svg(site.translations, site::languageName,
                t.get("translations_chart"))), states, counts, site.config.languages().stream().map(site::languageName).toList(), rows));
        return model;
    }

    private static Views.StateLabel label(Map<String, String> t, TranslationReport.State state) {
        return new Views.StateLabel(state.label(), t.get("state_" + state.label()));
    }
}
