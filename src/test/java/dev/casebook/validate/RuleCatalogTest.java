package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Outcome;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule's examples are executed: each must produce exactly the rule ids it declares. */
class RuleCatalogTest {

    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Validator VALIDATOR = new Validator(CATALOG);
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\{[A-Za-z_]+}");

    static Stream<Arguments> examples() {
        return CATALOG.rules().stream().flatMap(rule -> rule.examples().stream()
                .map(example -> Arguments.of(rule.id() + ": " + example.name(), rule, example)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleProducesExactlyItsExpectedRules(String name, Rule rule, Rule.Example example) {
        Outcome<Group> group = new ConfigReader().group(rule, example);
        assertEquals(List.of(), group.diagnostics(), "the example itself must be well-formed");
        assertEquals(example.files().size(), group.value().files().size(), "every example file is a config");
        List<Finding> findings = VALIDATOR.check(group.value());
        Set<String> fired = findings.stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(example.expect()), fired, findings.toString());
        for (Finding f : findings) {
            for (String lang : Rule.LANGUAGES) {
                String message = VALIDATOR.diagnostic(f, lang).message() + " " + VALIDATOR.diagnostic(f, lang).hint();
                assertFalse(PLACEHOLDER.matcher(message).find(), "unfilled placeholder in " + lang + ": " + message);
            }
        }
    }

    @Test
    void everyRuleFileIsInTheCatalogAndEveryRuleHasItsCheck() throws java.io.IOException {
        // the rule files on disk, not a count written here: adding a rule needs no test edit
        java.util.SortedSet<String> files = new TreeSet<>();
        try (var list = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/rules"))) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.matches("[A-Z]+\\d{3}\\.yaml"))
                    .forEach(n -> files.add(n.substring(0, n.length() - ".yaml".length())));
        }
        assertEquals(files, new TreeSet<>(CATALOG.ids()));
        assertEquals(CATALOG.ids().size(), new java.util.HashSet<>(CATALOG.ids()).size(), "a rule listed twice");
        assertEquals(new TreeSet<>(CATALOG.ids()), new TreeSet<>(Conditions.ALL.keySet()));
        // the catalog keeps the rules of one family together, numbered in order
        List<String> families = CATALOG.ids().stream().map(id -> id.replaceAll("\\d+$", "")).distinct().toList();
        assertEquals(List.of("LLM", "NET", "WREN", "EMB", "ENV", "LP", "YAML"), families);
        for (String family : families) {
            List<String> ids = CATALOG.ids().stream().filter(id -> id.replaceAll("\\d+$", "").equals(family)).toList();
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(String.format(java.util.Locale.ROOT, "%s%03d", family, i + 1), ids.get(i));
            }
        }
    }

    @Test
    void everyRuleHasAFailingAndAPassingExampleAndTextsInBothLanguages() {
        for (Rule rule : CATALOG.rules()) {
            assertTrue(rule.examples().stream().anyMatch(e -> e.expect().contains(rule.id())), rule.id() + " has no failing example");
            assertTrue(rule.examples().stream().anyMatch(e -> !e.expect().contains(rule.id())), rule.id() + " has no passing example");
            for (String lang : Rule.LANGUAGES) {
                assertFalse(rule.title(lang).isBlank(), rule.id());
                assertFalse(rule.why(lang).isBlank(), rule.id());
                assertFalse(rule.fix(lang).isBlank(), rule.id());
                assertFalse(rule.message("default", lang, java.util.Map.of()).isBlank(), rule.id());
            }
            assertFalse(rule.evidence().isEmpty(), rule.id() + " cites no evidence");
        }
    }

    @Test
    void everyMessageVariantIsShownFilledByAnExampleOfItsRule() {
        // each variant's text is produced at least once from real files, so its placeholders are filled in both languages
        List<String> unshown = new java.util.ArrayList<>();
        for (Rule rule : CATALOG.rules()) {
            Set<String> shown = new TreeSet<>();
            for (Rule.Example example : rule.examples()) {
                Outcome<Group> group = new ConfigReader().group(rule, example);
                VALIDATOR.check(group.value()).stream().filter(f -> f.rule().equals(rule.id())).forEach(f -> shown.add(f.variant()));
            }
            for (String variant : new TreeSet<>(rule.messages().keySet())) {
                // these rules describe themselves with the default text and always report a variant
                boolean describesOnly = variant.equals("default") && Set.of("WREN005", "WREN010").contains(rule.id());
                if (!shown.contains(variant) && !describesOnly) {
                    unshown.add(rule.id() + ":" + variant);
                }
            }
        }
        assertEquals(List.of(), unshown, "message variants no example of their rule produces");
    }
}
