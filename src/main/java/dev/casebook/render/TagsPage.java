package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every tag with its articles. */
final class TagsPage implements PageKind {

    @Override
    public String name() {
        return "tags";
    }

    @Override
    public Set<String> reservedSections() {
        return Set.of("tags");
    }

    @Override
    public List<Page> pages(PageContext site) {
        return site.config.languages().stream().map(lang -> Page.unlisted(Routes.tags(lang), name(), context -> model(context, lang))).toList();
    }

    private Map<String, Object> model(PageContext site, Lang lang) {
        Map<String, Object> model = site.model(lang, site.pageInEveryLanguage(name(), lang, site.strings(lang).get("tags"),
                site.config.description(lang), Routes::tags));
        model.put("tags", site.index.tags().stream().map(t -> TagPage.view(site, lang, t)).toList());
        return model;
    }
}
