package dev.casebook.validate;

import dev.casebook.content.Article;
import dev.casebook.content.Document;
import dev.casebook.content.Fact;
import dev.casebook.content.Facts;
import dev.casebook.content.Snippet;
import dev.casebook.content.SnippetVerdict;
import dev.casebook.content.Tab;
import dev.casebook.content.Translation;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.Severity;
import dev.casebook.diag.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validate stage for articles: checks the config snippets of one translation against the rule
 * catalog. A snippet without {@code expect=} may not fire an error-level rule; a snippet with
 * {@code expect=ID,...} must fire exactly those rules (like rustdoc's {@code compile_fail}).
 *
 * <p>Diagnostic ids: the rule ids; {@code snippet-attribute} (an unknown info-string attribute),
 * {@code snippet-expect} (expectation not met, or naming an unknown rule), {@code snippet-nocheck}
 * (a snippet opted out); and the config reader's {@code yaml-*} ids.
 */
public final class SnippetValidator {

    static final Set<String> ATTRIBUTES = Set.of("file", "group", "expect", "schema");
    static final Set<String> FLAGS = Set.of("nocheck", "fragment");
    /** Front-matter facts that rules depend on: where the configs run. */
    static final List<String> ENVIRONMENT_FACTS = Fact.ALL.stream().filter(Fact::environment).map(Fact::name).toList();

    private final Validator validator;
    private final Schemas schemas;
    private final ConfigReader reader = new ConfigReader();

    public SnippetValidator(Validator validator, Schemas schemas) {
        this.validator = validator;
        this.schemas = schemas;
    }

    /** The check result of each snippet of {@code doc}, in order, and the diagnostics. */
    public Outcome<List<SnippetVerdict>> check(Article article, Translation translation, Document doc) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Snippet> snippets = doc.snippets();
        SnippetVerdict[] results = new SnippetVerdict[snippets.size()];
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        Map<Integer, Set<String>> expected = new LinkedHashMap<>();
        Map<String, Tab> tabs = new LinkedHashMap<>();

        for (int i = 0; i < snippets.size(); i++) {
            Snippet s = snippets.get(i);
            checkInfoString(s, diagnostics);
            Optional<Kind> format = ConfigReader.format(s.language(), s.attribute("file").orElse(""), s.code());
            Optional<Set<String>> expect = s.attribute("expect").map(e -> expectation(e, s, diagnostics));
            if (format.isEmpty()) {
                results[i] = SnippetVerdict.NOT_A_CONFIG;
                if (expect.isPresent()) {
                    diagnostics.add(Diagnostic.error("snippet-expect", s.fence(),
                            "`expect=` on a code block that is not a config (language `" + s.language() + "`)",
                            "use it on yaml, json or dotenv blocks, or name the file with file=.env / file=config.yaml"));
                }
                if (s.attribute("schema").isPresent()) {
                    diagnostics.add(Diagnostic.error("schema-unknown", s.fence(),
                            "`schema=` on a code block that is not YAML or JSON (language `" + s.language() + "`)",
                            "write the block as yaml or json, or name the file with file=NAME.yaml"));
                }
                continue;
            }
            if (s.flag("nocheck")) {
                results[i] = SnippetVerdict.notChecked(format.get().label(), "", SnippetVerdict.NOCHECK);
                if (checkable(s, format.get())) {
                    diagnostics.add(Diagnostic.warning("snippet-nocheck", s.fence(), "config snippet is not checked (nocheck)",
                            "remove nocheck so readers know it is valid, or use expect= if it shows a mistake"));
                }
                continue;
            }
            final int index = i;
            expect.ifPresent(e -> expected.put(index, e));
            // a tab's blocks are a group of their own, checked under the tab's environment
            String group = s.attribute("group").orElse("");
            String key = s.tab().map(t -> t.group() + (group.isEmpty() ? "" : " / " + group)).orElse(group);
            groups.computeIfAbsent(key, g -> new ArrayList<>()).add(i);
            s.tab().ifPresent(t -> tabs.put(key, t));
        }

        Set<Tab> badTabs = new HashSet<>();
        new LinkedHashSet<>(tabs.values()).forEach(t -> {
            if (!TabEnvironment.check(t, diagnostics)) {
                badTabs.add(t);
            }
        });
        boolean badFacts = ENVIRONMENT_FACTS.stream().anyMatch(article.facts()::isUnknown);
        for (var it = groups.entrySet().iterator(); it.hasNext(); ) {
            var group = it.next();
            if (badFacts || badTabs.contains(tabs.get(group.getKey()))) {
                // the front matter or tab that says where the configs run is broken (and reported); rules
                // that depend on it would guess, so the group waits for the fix
                group.getValue().forEach(i -> results[i] = SnippetVerdict.notChecked("", "", SnippetVerdict.FACTS));
                it.remove();
            }
        }
        for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            Environment environment = TabEnvironment.of(article.facts(), Optional.ofNullable(tabs.get(group.getKey())));
            List<ConfigReader.Source> sources = new ArrayList<>();
            for (int i : group.getValue()) {
                Snippet s = snippets.get(i);
                sources.add(new ConfigReader.Source(s.attribute("file").orElse(""), s.language(), s.code(), s.pos(),
                        isExcerpt(s)));
            }
            Outcome<Group> read = reader.group(group.getKey(), sources, environment);
            diagnostics.addAll(read.diagnostics());
            // notes say what could not be checked: for readers' own files, not part of a snippet's verdict
            List<Finding> findings = validator.check(read.value()).stream()
                    .filter(f -> validator.severity(f) != Severity.NOTE).toList();
            for (int n = 0; n < group.getValue().size(); n++) {
                int i = group.getValue().get(n);
                ConfigFile file = read.value().files().get(n);
                List<Finding> mine = findings.stream().filter(f -> file.contains(f.pos())).toList();
                Snippet s = snippets.get(i);
                Optional<String> schema = schemas.pick(s.attribute("schema").orElse(""), s.attribute("file").orElse(""), file.kind());
                List<Diagnostic> broken = List.of();
                if (schema.isPresent() && !schemas.names().contains(schema.get())) {
                    diagnostics.add(Diagnostic.error("schema-unknown", s.fence(), "`schema=` names schema `" + schema.get()
                            + "`, which the site does not have", schemaHint(schema.get())));
                    schema = Optional.empty();
                } else if (schema.isPresent()) {
                    broken = schemas.check(file, schema.get());
                }
                results[i] = judge(s, file, group.getKey(), mine, schema, broken, expected.get(i), diagnostics);
            }
        }
        for (int i = 0; i < results.length; i++) {
            Snippet s = snippets.get(i);
            if (SnippetVerdict.UNKNOWN_KIND.equals(results[i].reason()) && s.attribute("file").isPresent()
                    && s.attribute("schema").isEmpty()) { // an unknown schema= is reported as such
                // a block named like a config file looks checked to a reader: say that nothing checks it
                diagnostics.add(Diagnostic.warning("snippet-unchecked", s.fence(), "`" + s.attribute("file").get()
                        + "` is not checked: no rule reads this kind of file and no schema applies to it",
                        "pick a schema with schema=NAME (content/_schemas/NAME.schema.json), or mark the block nocheck"));
            }
        }
        return Outcome.of(Arrays.asList(results), diagnostics);
    }

    private SnippetVerdict judge(Snippet s, ConfigFile file, String group, List<Finding> findings, Optional<String> schema,
                                 List<Diagnostic> broken, Set<String> expect, List<Diagnostic> diagnostics) {
        TreeSet<String> fired = new TreeSet<>(findings.stream().map(Finding::rule).toList());
        if (!broken.isEmpty()) {
            fired.add(SnippetVerdict.SCHEMA);
        }
        String kind = file.kind().label();
        boolean ruled = validator.vouchesFor(file.kind());
        if (expect != null) {
            if (expect.equals(fired)) {
                return new SnippetVerdict(SnippetVerdict.Status.SHOWS, kind, group, List.copyOf(fired), ruled, "");
            }
            List<String> produced = new ArrayList<>(findings.stream()
                    .map(f -> f.rule() + " at " + f.pos().line() + ":" + f.pos().column()).toList());
            broken.forEach(d -> produced.add(SnippetVerdict.SCHEMA + " at " + d.pos().line() + ":" + d.pos().column() + " (" + d.message() + ")"));
            diagnostics.add(Diagnostic.error("snippet-expect", s.fence(),
                    "snippet expects " + set(expect) + " but produces " + set(fired),
                    fired.isEmpty() ? "the config does not show the mistake: check it, or the rule's conditions (casebook rules ID)"
                            : "produced: " + String.join("; ", produced)));
            return new SnippetVerdict(SnippetVerdict.Status.FAILS, kind, group, List.copyOf(fired), ruled, "");
        }
        if (findings.isEmpty() && !ruled && schema.isEmpty()) {
            // no rule of the site's packs reads this kind of file, and no schema applies: nothing vouches for it
            return SnippetVerdict.notChecked(kind, group, SnippetVerdict.UNKNOWN_KIND);
        }
        boolean errors = !broken.isEmpty();
        diagnostics.addAll(broken);
        for (Finding f : findings) {
            diagnostics.add(validator.diagnostic(f, "en"));
            errors |= validator.severity(f) == Severity.ERROR;
        }
        return new SnippetVerdict(errors ? SnippetVerdict.Status.FAILS : SnippetVerdict.Status.VALID, kind, group,
                errors ? List.copyOf(fired) : List.of(), ruled, "");
    }

    /** True when a rule or a schema would check the block: only then is opting out worth a warning. */
    private boolean checkable(Snippet s, Kind format) {
        Kind kind = reader.read(s.attribute("file").orElse(""), format, s.code(), s.pos(), isExcerpt(s)).value().kind();
        return validator.vouchesFor(kind) || schemas.pick(s.attribute("schema").orElse(""), s.attribute("file").orElse(""), kind).isPresent();
    }

    private String schemaHint(String name) {
        Optional<String> near = Suggestions.closest(name, schemas.names());
        return near.map(n -> "did you mean `" + n + "`?").orElse("add it as content/_schemas/" + name + ".schema.json"
                + (schemas.names().isEmpty() ? "" : "; the site has " + String.join(", ", new TreeSet<>(schemas.names()))));
    }

    /**
     * A block stands for a whole file only when it names the file ({@code file=config.yaml}); a block
     * without {@code file=}, or marked {@code fragment}, is an excerpt, checked without the rules
     * about required keys.
     */
    static boolean isExcerpt(Snippet s) {
        return s.flag("fragment") || s.attribute("file").isEmpty();
    }

    private static String set(Set<String> ids) {
        return "{" + String.join(", ", ids) + "}";
    }

    private void checkInfoString(Snippet s, List<Diagnostic> diagnostics) {
        for (String name : s.attributes().keySet()) {
            if (!ATTRIBUTES.contains(name)) {
                diagnostics.add(Diagnostic.error("snippet-attribute", s.fence(), "unknown attribute `" + name + "=` in the fence info string",
                        Suggestions.hint(name, ATTRIBUTES)));
            }
        }
        for (String flag : s.flags()) {
            if (!FLAGS.contains(flag)) {
                diagnostics.add(Diagnostic.error("snippet-attribute", s.fence(), "unknown flag `" + flag + "` in the fence info string",
                        Suggestions.hint(flag, FLAGS)));
            }
        }
    }

    private Set<String> expectation(String text, Snippet s, List<Diagnostic> diagnostics) {
        Set<String> ids = new TreeSet<>();
        for (String part : text.split(",")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            Optional<Catalog.Pack> unused = validator.catalog().unusedPackOf(id.toUpperCase(Locale.ROOT));
            if (id.equalsIgnoreCase(SnippetVerdict.SCHEMA)) {
                ids.add(SnippetVerdict.SCHEMA);
            } else if (unused.isPresent()) {
                diagnostics.add(Diagnostic.error("snippet-expect", s.fence(), "`expect=` names rule `" + id
                        + "` of the rule pack `" + unused.get().name() + "`, which the site does not use",
                        "name the pack in content/_site.yaml: rule_packs: [" + unused.get().name() + "]"));
            } else if (validator.catalog().rule(id).isEmpty()) {
                diagnostics.add(Diagnostic.error("snippet-expect", s.fence(), "`expect=` names unknown rule `" + id + "`",
                        Suggestions.hint(id, validator.catalog().ids())));
            } else {
                ids.add(validator.catalog().rule(id).orElseThrow().id());
            }
        }
        return ids;
    }

}
