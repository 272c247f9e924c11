package dev.casebook.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.cli.MainAccess;
import dev.casebook.content.Fact;
import dev.casebook.content.SnippetVerdict;
import dev.casebook.validate.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tables of the reference that list facts of the code are checked against the code: every
 * diagnostic id the code can report, every front-matter key, every option of every command.
 * A table that falls behind fails the build instead of misleading a reader.
 */
class ReferenceDocsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static String doc(String name) throws IOException {
        return Files.readString(ROOT.resolve("docs").resolve(name));
    }

    /** The first cell of each row of every table in {@code markdown}, split at commas, backticks removed. */
    private static Set<String> firstCells(String markdown) {
        Set<String> cells = new TreeSet<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| ---")) {
                String cell = line.substring(2, line.indexOf(" |", 1));
                Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
                while (m.find()) {
                    cells.add(m.group(1));
                }
            }
        }
        return cells;
    }

    /** Every diagnostic id written in main code, with the prefixes of the YAML field readers applied. */
    private static Set<String> idsInCode() throws IOException {
        Set<String> ids = new TreeSet<>();
        Pattern literal = Pattern.compile("Diagnostic\\.(?:error|warning|note)\\(\"([a-z0-9-]+)\"");
        Pattern named = Pattern.compile("\"((?:yaml|markdown|snippet|file|keys|config|front-matter|translation)-[a-z-]+)\"");
        Pattern field = Pattern.compile("(?:fields\\.|(?<![\\w.]))error\\(\"([a-z-]+)\"|idPrefix \\+ \"([a-z-]+)\"");
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(ROOT.resolve("src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String code = Files.readString(source);
            for (Pattern p : List.of(literal, named)) {
                Matcher m = p.matcher(code);
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
            // a field reader's ids carry the prefix its caller gave it (front-matter- or config-)
            Matcher prefixes = Pattern.compile("new YamlFields\\(\"([a-z-]+)\"").matcher(code);
            List<String> prefix = new ArrayList<>();
            while (prefixes.find()) {
                prefix.add(prefixes.group(1));
            }
            if (source.endsWith("YamlFields.java")) {
                prefix.addAll(List.of("front-matter-", "config-"));
            }
            Matcher m = field.matcher(code);
            while (m.find()) {
                String suffix = m.group(1) != null ? m.group(1) : m.group(2);
                prefix.forEach(p -> ids.add(p + suffix));
            }
        }
        Fact.ALL.stream().filter(f -> f.shape() == Fact.Shape.ID_LIST).forEach(f -> ids.add("front-matter-" + f.idKind()));
        // a schema's findings: one id shared by the diagnostics, expect= and the verdicts, written as a constant
        ids.add(SnippetVerdict.SCHEMA);
        return ids;
    }

    @Test
    void everyDiagnosticIdIsInTheTableAndNothingElse() throws IOException {
        Set<String> documented = firstCells(doc("diagnostics.md"));
        Set<String> code = idsInCode();
        List<String> missing = new ArrayList<>();
        for (String id : code) {
            if (!documented.contains(id) && !(id.startsWith("config-") && documented.contains("config-*"))) {
                missing.add(id);
            }
        }
        assertEquals(List.of(), missing, "ids the code reports that docs/diagnostics.md does not list");
        Set<String> rules = new TreeSet<>(Catalog.builtIn().ids());
        List<String> stale = new ArrayList<>();
        for (String id : documented) {
            boolean rule = id.matches("[A-Z]+\\d{3}") && rules.contains(id);
            if (!code.contains(id) && !rule && !id.equals("config-*")) {
                stale.add(id);
            }
        }
        assertEquals(List.of(), stale, "ids docs/diagnostics.md lists that the code never reports");
    }

    @Test
    void everyFrontMatterKeyIsInTheTable() throws IOException {
        Set<String> documented = firstCells(doc("articles.md"));
        for (Fact<?> fact : Fact.ALL) {
            assertTrue(documented.contains(fact.name()), "docs/articles.md lists " + fact.name());
        }
        for (String key : List.of("title", "summary", "date", "updated", "draft", "translated_from")) {
            assertTrue(documented.contains(key), "docs/articles.md lists " + key);
        }
    }

    @Test
    void everyOptionOfEveryCommandIsInTheReference() throws IOException {
        String cli = doc("cli.md");
        List<String> missing = new ArrayList<>();
        MainAccess.options().forEach((command, options) -> {
            for (String option : options) {
                if (!option.equals("--help") && !option.equals("--version") && !cli.contains("`" + option)
                        && !cli.contains(option + "`") && !cli.contains(" " + option + " ")) {
                    missing.add(command + " " + option);
                }
            }
            if (!cli.contains("casebook " + command)) {
                missing.add(command);
            }
        });
        assertEquals(List.of(), missing, "commands and options docs/cli.md does not mention");
    }

    @Test
    void theRulePackTableNamesEveryPackWithExactlyItsRules() throws IOException {
        Map<String, List<String>> documented = new java.util.LinkedHashMap<>();
        for (String line : doc("snippets.md").split("\n")) {
            Matcher m = Pattern.compile("^\\| `([a-z-]+)` \\| [^|]+ \\| ([A-Z0-9, ]+) \\|$").matcher(line);
            if (m.matches()) {
                documented.put(m.group(1), List.of(m.group(2).split(", ")));
            }
        }
        Map<String, List<String>> packs = new java.util.LinkedHashMap<>();
        Catalog.builtIn().packs().forEach(p -> packs.put(p.name(), p.rules()));
        assertEquals(packs, documented);
    }
}
