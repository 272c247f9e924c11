package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every product the articles name, with what the site knows about each. */
final class ProductsPage implements PageKind {

    @Override
    public String name() {
        return "products";
    }

    @Override
    public Set<String> reservedSections() {
        return Set.of("products");
    }

    @Override
    public List<Page> pages(PageContext site) {
        return site.config.languages().stream().map(lang -> Page.unlisted(Routes.products(lang), name(), context -> model(context, lang))).toList();
    }

    private Map<String, Object> model(PageContext site, Lang lang) {
        Map<String, String> t = site.strings(lang);
        Map<String, Object> model = site.model(lang, site.pageInEveryLanguage(name(), lang, t.get("products"),
                t.get("products_intro"), Routes::products));
        model.put("products", site.index.products().stream().map(p -> ProductPage.view(site, lang, p)).toList());
        return model;
    }
}
