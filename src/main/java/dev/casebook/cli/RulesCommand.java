package dev.casebook.cli;

import dev.casebook.content.SnippetVerdict;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Suggestions;
import dev.casebook.validate.Catalog;
import dev.casebook.validate.Kind;
import dev.casebook.validate.LiteLlmFacts;
import dev.casebook.validate.Rule;
import dev.casebook.validate.Validator;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Lists the config rules, or shows one rule with its explanation, fix and examples.")
final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "A rule id such as LLM001.")
    String id;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "en (default) or zh.")
    String lang;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Rule.LANGUAGES.contains(lang)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be en or zh, not " + lang);
        }
        Catalog catalog = Catalog.builtIn();
        if (id == null) {
            for (Catalog.Pack pack : catalog.packs()) {
                out.println("rule pack " + pack.name() + ": " + pack.title().get(lang));
                for (String ruleId : pack.rules()) {
                    Rule r = catalog.rule(ruleId).orElseThrow();
                    out.println(String.format(Locale.ROOT, "  %-8s %-8s %s", r.id(), r.severity().label(), r.title(lang)));
                }
                out.println();
            }
            out.println(catalog.rules().size() + " rules in " + catalog.packs().size()
                    + " packs; a site names the packs it uses in content/_site.yaml (rule_packs: [...]). "
                    + "`casebook rules ID` shows one.");
            out.println(lang.equals("zh")
                    ? "JSON Schema：schema     error    配置不符合其 JSON Schema（compose 文件用内置的 Compose 规范 schema；站点的 schema 在 "
                            + "content/_schemas/NAME.schema.json，用 schema=NAME 或 _site.yaml 的 schemas: 选用；casebook validate --schema FILE）"
                    : "JSON Schema: schema     error    a config breaks its JSON Schema (compose files: the built-in Compose Specification "
                            + "schema; a site's own: content/_schemas/NAME.schema.json, picked with schema=NAME or schemas: in _site.yaml; "
                            + "casebook validate --schema FILE)");
            out.println("LiteLLM facts (providers, model map): " + LiteLlmFacts.get().version());
            return Main.OK;
        }
        Optional<Rule> rule = catalog.rule(id);
        if (rule.isEmpty() && id.equalsIgnoreCase(SnippetVerdict.SCHEMA)) {
            out.println("schema (error): " + (lang.equals("zh") ? "配置不符合其 JSON Schema" : "a config breaks its JSON Schema"));
            out.println("applies to: compose files (the Compose Specification's schema, built in), blocks with schema=NAME, "
                    + "files that a schemas: pattern of content/_site.yaml picks, and files given to casebook validate --schema FILE");
            out.println();
            out.println(lang.equals("zh")
                    ? "每个问题报告在出错的键或值处，给出路径（services.ollama.enviroment）、schema 的要求，以及未知键或值的拼写建议。"
                    : "Each problem is reported at the key or value it is about, with its path (services.ollama.enviroment), what the "
                            + "schema wants, and a did-you-mean for an unknown key or value. A snippet that shows a broken config says expect=schema.");
            return Main.OK;
        }
        if (rule.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no rule " + id + "; " + Suggestions.hint(id.toUpperCase(Locale.ROOT), catalog.ids()));
        }
        Rule r = rule.get();
        out.println(r.id() + " (" + r.severity().label() + "): " + r.title(lang));
        out.println("applies to: " + String.join(", ", r.kinds().stream().map(Kind::label).toList())
                + "; rule pack: " + Catalog.builtIn().packOf(r.id()).map(Catalog.Pack::name).orElse("none"));
        out.println();
        out.println(r.why(lang));
        // the message and fix as the rule gives them on its failing example: no template left
        Optional<Diagnostic> shown = new Validator(catalog).illustration(r, lang);
        shown.ifPresent(d -> {
            out.println();
            out.println((lang.equals("zh") ? "例如：" : "For example: ") + d.message());
        });
        out.println();
        out.println((lang.equals("zh") ? "修复：" : "Fix: ") + shown.map(Diagnostic::hint)
                .filter(h -> !h.isEmpty()).orElse(r.fix(lang)));
        for (Rule.Example e : r.examples()) {
            out.println();
            out.println((e.failing() ? "-- triggers " + String.join(", ", e.expect()) : "-- passes") + ": " + e.name(lang)
                    + (e.environment().isEmpty() ? "" : " " + e.environment()));
            for (Rule.ExampleFile f : e.files()) {
                out.println("# " + f.name());
                out.print(f.text());
            }
        }
        if (!r.evidence().isEmpty()) {
            out.println();
            r.evidence().forEach(ev -> out.println("* " + ev.text() + (ev.url().isEmpty() ? "" : " <" + ev.url() + ">")));
        }
        return Main.OK;
    }
}
