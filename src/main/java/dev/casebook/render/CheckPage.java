package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import dev.casebook.diag.Json;
import dev.casebook.validate.Rule;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-browser checker: readers paste their own config files. The findings come from the
 * validator compiled to JavaScript; the page carries each rule's page, title and the articles
 * that show it, as JSON for its script.
 */
final class CheckPage implements PageKind {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public Set<String> reservedSections() {
        return Set.of("check");
    }

    @Override
    public List<Page> pages(PageContext site) {
        if (!site.hasRules()) {
            return List.of(); // the site uses no rule pack
        }
        return site.config.languages().stream().map(lang -> Page.unlisted(Routes.check(lang), name(), context -> model(context, lang))).toList();
    }

    private Map<String, Object> model(PageContext site, Lang lang) {
        Map<String, String> t = site.strings(lang);
        Map<String, Object> model = site.model(lang, site.pageInEveryLanguage(name(), lang, t.get("check_title"),
                t.get("check_intro"), Routes::check));
        StringBuilder rules = new StringBuilder("{");
        for (Rule rule : site.catalog.rules()) {
            rules.append(rules.length() > 1 ? "," : "").append(Json.string(rule.id())).append(":{\"u\":")
                    .append(Json.string(site.base.url(Routes.rule(lang, rule.id())))).append(",\"t\":")
                    .append(Json.string(Html.plain(rule.title(RulesPage.textLang(lang))))).append(",\"a\":[");
            List<Views.Card> shown = site.cards(lang, site.index.demonstrating(rule.id()));
            for (int i = 0; i < shown.size(); i++) {
                rules.append(i == 0 ? "" : ",").append('[').append(Json.string(shown.get(i).title())).append(',')
                        .append(Json.string(shown.get(i).href())).append(']');
            }
            rules.append("]}");
        }
        model.put("rules", rules.append('}').toString());
        model.put("ruleLang", RulesPage.textLang(lang));
        return model;
    }
}
