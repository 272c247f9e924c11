package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A section ({@code /en/litellm/}): its articles, newest first. */
final class SectionPage implements PageKind {

    @Override
    public String name() {
        return "section";
    }

    @Override
    public List<Page> pages(PageContext site) {
        List<Page> pages = new ArrayList<>();
        for (String section : site.index.sections()) {
            for (Lang lang : site.config.languages()) {
                pages.add(new Page(Routes.section(lang, section), name(), context -> model(context, lang, section),
                        Optional.of(site.everyLanguage(l -> Routes.section(l, section)))));
            }
        }
        return pages;
    }

    private Map<String, Object> model(PageContext site, Lang lang, String section) {
        Views.SectionView view = view(site, lang, section);
        Map<String, Object> model = site.model(lang, site.pageInEveryLanguage(name(), lang, view.title(),
                site.config.description(lang), l -> Routes.section(l, section)));
        model.put("section", view);
        model.put("navSection", view.href());
        return model;
    }

    static Views.SectionView view(PageContext site, Lang lang, String section) {
        return new Views.SectionView(section, site.config.sectionTitle(section, lang),
                site.base.url(Routes.section(lang, section)), site.cards(lang, site.index.inSection(section)));
    }
}
