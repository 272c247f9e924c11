package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import java.util.List;
import java.util.Map;

/** {@code 404.html}, which GitHub Pages serves for every missing URL: the message in every language. */
final class NotFoundPage implements PageKind {

    @Override
    public String name() {
        return "404";
    }

    @Override
    public List<Page> pages(PageContext site) {
        return List.of(Page.unlisted("404.html", name(), context -> model(context)));
    }

    private Map<String, Object> model(PageContext site) {
        Lang lang = site.config.defaultLang();
        Map<String, Object> model = site.model(lang, site.page(name(), lang, site.strings(lang).get("not_found_title"), "",
                Routes::home, Routes.root(), List.of(), "404.html", false));
        model.put("messages", site.messages("not_found_title", "not_found_text", Routes::home, "back_home"));
        return model;
    }
}
