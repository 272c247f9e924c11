package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The error index: every exact error string an article solves, each with an anchor of its own. */
final class ErrorsPage implements PageKind {

    @Override
    public String name() {
        return "errors";
    }

    @Override
    public Set<String> reservedSections() {
        return Set.of("errors");
    }

    @Override
    public List<Page> pages(PageContext site) {
        return site.config.languages().stream().map(lang -> Page.unlisted(Routes.errors(lang), name(), context -> model(context, lang))).toList();
    }

    private Map<String, Object> model(PageContext site, Lang lang) {
        Map<String, String> t = site.strings(lang);
        Map<String, Object> model = site.model(lang, site.pageInEveryLanguage(name(), lang, t.get("error_index"),
                t.get("error_index_intro"), Routes::errors));
        List<Views.ErrorEntry> errors = new ArrayList<>();
        site.index.errors().forEach((error, articles) ->
                errors.add(new Views.ErrorEntry(error, site.index.errorAnchor(error), site.cards(lang, articles))));
        model.put("errors", errors);
        return model;
    }
}
