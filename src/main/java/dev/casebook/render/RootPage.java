package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import java.util.List;
import java.util.Map;

/** The site root: a choice of language (every language at once), where a reader's browser may redirect. */
final class RootPage implements PageKind {

    @Override
    public String name() {
        return "root";
    }

    @Override
    public List<Page> pages(PageContext site) {
        return List.of(Page.unlisted(Routes.root(), name(), context -> model(context)));
    }

    private Map<String, Object> model(PageContext site) {
        Lang lang = site.config.defaultLang();
        Map<String, Object> model = site.model(lang, site.page(name(), lang, site.config.title(lang), site.config.description(lang),
                Routes::home, Routes.root(), site.config.languages(), Routes.root(), false));
        model.put("choices", site.messages("choose_language", "choose_language_text", Routes::home, "home"));
        return model;
    }
}
