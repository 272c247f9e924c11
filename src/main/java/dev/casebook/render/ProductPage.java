package dev.casebook.render;

import dev.casebook.content.Article;
import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** One product's hub: its articles, the error strings they solve and the rules they demonstrate. */
final class ProductPage implements PageKind {

    @Override
    public String name() {
        return "product";
    }

    @Override
    public List<Page> pages(PageContext site) {
        List<Page> pages = new ArrayList<>();
        for (String product : site.index.products()) {
            for (Lang lang : site.config.languages()) {
                pages.add(new Page(Routes.product(lang, product), name(), context -> model(context, lang, product),
                        Optional.of(site.everyLanguage(l -> Routes.product(l, product)))));
            }
        }
        return pages;
    }

    private Map<String, Object> model(PageContext site, Lang lang, String product) {
        Views.ProductView view = view(site, lang, product);
        Map<String, Object> model = site.model(lang, site.pageInEveryLanguage(name(), lang, view.name(),
                site.strings(lang).get("product_intro").replace("{product}", view.name()), l -> Routes.product(l, product)));
        model.put("product", view);
        return model;
    }

    static Views.ProductView view(PageContext site, Lang lang, String product) {
        List<Article> in = site.index.about(product);
        TreeSet<String> errors = new TreeSet<>();
        TreeSet<String> rules = new TreeSet<>();
        for (Article a : in) {
            errors.addAll(a.facts().errors());
            rules.addAll(site.index.rulesOf(a));
        }
        String errorIndex = site.base.url(Routes.errors(lang));
        return new Views.ProductView(product, site.config.productName(product, lang), site.base.url(Routes.product(lang, product)),
                site.cards(lang, in),
                errors.stream().map(e -> new Views.NamedLink(e, errorIndex + "#" + site.index.errorAnchor(e))).toList(),
                rules.stream().map(site.catalog::rule).flatMap(Optional::stream).map(r -> RulesPage.summary(site, lang, r)).toList());
    }
}
