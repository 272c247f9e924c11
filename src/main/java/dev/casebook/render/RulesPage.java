package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import dev.casebook.validate.Rule;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rule catalog: every rule with its severity, the kinds of file it reads, and how many articles show it. */
final class RulesPage implements PageKind {

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public Set<String> reservedSections() {
        return Set.of("rules");
    }

    @Override
    public List<Page> pages(PageContext site) {
        if (!site.hasRules()) {
            return List.of(); // the site uses no rule pack
        }
        return site.config.languages().stream().map(lang -> Page.unlisted(Routes.rules(lang), name(), context -> model(context, lang))).toList();
    }

    private Map<String, Object> model(PageContext site, Lang lang) {
        Map<String, String> t = site.strings(lang);
        Map<String, Object> model = site.model(lang, site.pageInEveryLanguage(name(), lang, t.get("rules"), t.get("rules_intro"),
                Routes::rules));
        model.put("rules", site.catalog.rules().stream().map(r -> summary(site, lang, r)).toList());
        return model;
    }

    /** A rule's line in a list: on this page, on its own page and on product pages. */
    static Views.RuleSummary summary(PageContext site, Lang lang, Rule rule) {
        return new Views.RuleSummary(rule.id(), site.base.url(Routes.rule(lang, rule.id())), rule.severity().label(),
                site.strings(lang).get("severity_" + rule.severity().label()),
                new SafeString(Html.inlineCode(rule.title(textLang(lang)))),
                String.join(", ", rule.kinds().stream().map(k -> k.label()).toList()),
                site.index.demonstrating(rule.id()).size());
    }

    /** Rule texts exist in English and Chinese; other languages read the English. */
    static String textLang(Lang lang) {
        return Rule.LANGUAGES.contains(lang.code()) ? lang.code() : "en";
    }
}
