package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One tag's articles ({@code /en/tags/ollama/}). */
final class TagPage implements PageKind {

    @Override
    public String name() {
        return "tag";
    }

    @Override
    public Set<String> reservedSections() {
        return Set.of("tags");
    }

    @Override
    public List<Page> pages(PageContext site) {
        List<Page> pages = new ArrayList<>();
        for (Lang lang : site.config.languages()) {
            for (String tag : site.index.tags()) {
                pages.add(Page.unlisted(Routes.tag(lang, tag), name(), context -> model(context, lang, tag)));
            }
        }
        return pages;
    }

    private Map<String, Object> model(PageContext site, Lang lang, String tag) {
        Map<String, Object> model = site.model(lang, site.pageInEveryLanguage(name(), lang, "#" + tag,
                site.config.description(lang), l -> Routes.tag(l, tag)));
        model.put("tag", view(site, lang, tag));
        return model;
    }

    static Views.TagView view(PageContext site, Lang lang, String tag) {
        return new Views.TagView(tag, site.base.url(Routes.tag(lang, tag)), site.cards(lang, site.index.taggedWith(tag)));
    }
}
