package dev.casebook.render;

import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import dev.casebook.diag.Diagnostic;
import dev.casebook.validate.Finding;
import dev.casebook.validate.Rule;
import dev.casebook.validate.Validator;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rule ({@code /en/rules/LLM001/}): its message and fix as they read on its own failing
 * example, why it matters, its evidence, its examples and the articles that show it.
 */
final class RulePage implements PageKind {

    @Override
    public String name() {
        return "rule";
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
        Validator validator = new Validator(site.catalog);
        // a rule's example runs once, for its page in every language
        Map<String, Optional<Finding>> examples = new ConcurrentHashMap<>();
        List<Page> pages = new ArrayList<>();
        for (Lang lang : site.config.languages()) {
            for (Rule rule : site.catalog.rules()) {
                pages.add(Page.unlisted(Routes.rule(lang, rule.id()), name(), context -> model(context, validator, examples, lang, rule)));
            }
        }
        return pages;
    }

    private Map<String, Object> model(PageContext site, Validator validator, Map<String, Optional<Finding>> examples,
                                      Lang lang, Rule rule) {
        String rl = RulesPage.textLang(lang);
        Map<String, Object> model = site.model(lang, site.pageInEveryLanguage(name(), lang,
                rule.id() + " · " + Html.plain(rule.title(rl)), Html.plain(rule.title(rl)), l -> Routes.rule(l, rule.id())));
        // the message and fix as the rule gives them on its own failing example, every value filled in
        Optional<Diagnostic> shown = examples.computeIfAbsent(rule.id(), id -> validator.example(rule)).map(f -> validator.diagnostic(f, rl));
        String message = shown.map(Diagnostic::message).orElse(generic(rule.message("default", rl, Map.of())));
        String fix = shown.map(Diagnostic::hint).filter(h -> !h.isEmpty()).orElse(generic(rule.fix(rl)));
        model.put("rule", new Views.RuleView(RulesPage.summary(site, lang, rule),
                new SafeString(Html.inlineCode(message)),
                new SafeString(Html.inlineCode(rule.why(rl))), new SafeString(Html.inlineCode(fix)),
                rule.evidence().stream().map(e -> new Views.NamedLink(e.text(), e.url())).toList(),
                rule.examples().stream().map(e -> new Views.ExampleView(e.name(rl), e.failing(),
                        String.join(", ", e.expect()),
                        e.environment().entrySet().stream().map(x -> x.getKey() + ": " + x.getValue()).toList(),
                        e.files().stream().map(f -> new Views.ExampleFileView(f.name(), f.text())).toList())).toList(),
                site.cards(lang, site.index.demonstrating(rule.id()))));
        return model;
    }

    /** A message template shown on its own: {@code {model}} becomes {@code ‹model›}. */
    private static String generic(String template) {
        return template.replaceAll("(?<!\\$)\\{([A-Za-z_]+)}", "‹$1›");
    }
}
