package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The search page; its results come from the static index, in the reader's browser. */
final class SearchPage implements PageKind {

    @Override
    public String name() {
        return "search";
    }

    @Override
    public Set<String> reservedSections() {
        return Set.of("search");
    }

    @Override
    public List<Page> pages(PageContext site) {
        return site.config.languages().stream().map(lang -> Page.unlisted(Routes.search(lang), name(), context -> model(context, lang))).toList();
    }

    private Map<String, Object> model(PageContext site, Lang lang) {
        String title = site.strings(lang).get("search_title");
        return site.model(lang, site.pageInEveryLanguage(name(), lang, title, title, Routes::search));
    }
}
