package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each language's front page: the newest articles and every section. */
final class HomePage implements PageKind {

    private static final int NEWEST = 20;

    @Override
    public String name() {
        return "home";
    }

    @Override
    public List<Page> pages(PageContext site) {
        List<Page> pages = new ArrayList<>();
        for (Lang lang : site.config.languages()) {
            pages.add(new Page(Routes.home(lang), name(), context -> model(context, lang), Optional.of(site.everyLanguage(Routes::home))));
        }
        return pages;
    }

    private Map<String, Object> model(PageContext site, Lang lang) {
        Views.PageView page = site.page(name(), lang, site.config.title(lang), site.config.description(lang), Routes::home,
                Routes.root(), site.config.languages(), Routes.home(lang), false);
        if (site.base.hasOrigin()) {
            page = page.described(page.meta(), LinkPreview.website(page, site.config.title(lang), site.base.absolute(Routes.search(lang))));
        }
        Map<String, Object> model = site.model(lang, page);
        model.put("articles", site.cards(lang, site.index.articles()).stream().limit(NEWEST).toList());
        model.put("sections", site.index.sections().stream().map(s -> SectionPage.view(site, lang, s)).toList());
        return model;
    }
}
