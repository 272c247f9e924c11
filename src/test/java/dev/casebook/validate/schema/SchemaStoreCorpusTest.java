package dev.casebook.validate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.content.SiteSchemas;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Outcome;
import dev.casebook.diag.SourcePos;
import dev.casebook.validate.ConfigFile;
import dev.casebook.validate.ConfigReader;
import dev.casebook.validate.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real schemas a site would add (SchemaStore's, see {@code corpus/schemastore/SOURCES.md}) with SchemaStore's own
 * test files: each file it expects to pass gives no finding, each file it expects to fail gives at least one. This
 * judges the whole path a snippet takes: YAML read with positions, YAML 1.2 values, the schema library offline.
 */
class SchemaStoreCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus/schemastore");

    @Test
    void schemaStoresOwnPassingAndFailingExamplesAreJudgedAsSchemaStoreJudgesThem() throws IOException {
        List<SiteSchemas.File> files = new ArrayList<>();
        List<String> names = List.of("github-workflow", "dependabot-2.0");
        for (String name : names) {
            Path schema = CORPUS.resolve(name + ".schema.json");
            files.add(new SiteSchemas.File(name, schema.toString(), Files.readString(schema, StandardCharsets.UTF_8)));
        }
        Outcome<JsonSchemas> schemas = JsonSchemas.of(new SiteSchemas(files, List.of()));
        assertEquals(List.of(), schemas.diagnostics());
        List<String> wrong = new ArrayList<>();
        int passing = 0;
        int failing = 0;
        for (String name : names) {
            for (String expected : List.of("pass", "fail")) {
                try (Stream<Path> list = Files.list(CORPUS.resolve(name).resolve(expected))) {
                    for (Path p : list.sorted().toList()) {
                        String shown = name + "/" + expected + "/" + p.getFileName();
                        Kind format = p.toString().endsWith(".json") ? Kind.JSON : Kind.YAML;
                        ConfigFile file = new ConfigReader().read(shown, format, Files.readString(p, StandardCharsets.UTF_8),
                                new SourcePos(shown, 1, 1), false).value();
                        List<Diagnostic> found = schemas.value().check(file, name);
                        if (expected.equals("pass") && !found.isEmpty()) {
                            wrong.add(shown + " should pass: " + found);
                        } else if (expected.equals("fail") && found.isEmpty()) {
                            wrong.add(shown + " should fail, but nothing was found");
                        }
                        if (expected.equals("pass")) {
                            passing++;
                        } else {
                            failing++;
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(passing >= 70 && failing >= 100, passing + " passing, " + failing + " failing files");
    }

    @Test
    void messagesNameTheAlternativeThatFitsNotEveryAlternative() throws IOException {
        SiteSchemas.File workflow = new SiteSchemas.File("github-workflow", "github-workflow.schema.json",
                Files.readString(CORPUS.resolve("github-workflow.schema.json"), StandardCharsets.UTF_8));
        JsonSchemas schemas = JsonSchemas.of(new SiteSchemas(List.of(workflow), List.of())).value();
        StringBuilder said = new StringBuilder();
        for (String name : List.of("steps-must-contain-run-or-uses.yaml", "runs-on.yaml", "permissions-string-is-not-from-enum.yaml")) {
            Path p = CORPUS.resolve("github-workflow/fail").resolve(name);
            ConfigFile file = new ConfigReader().read(name, Kind.YAML, Files.readString(p, StandardCharsets.UTF_8),
                    new SourcePos(name, 1, 1), false).value();
            schemas.check(file, "github-workflow").forEach(d -> said.append(d).append('\n'));
        }
        // a job whose step has neither run nor uses is about that step, not about the job failing to be a
        // reusable-workflow call; an empty runs-on names the types it may have, once
        assertEquals("""
                steps-must-contain-run-or-uses.yaml:9:9: error[schema]: `jobs.a.steps[0]` has none of `uses`, `run`, `wait`, `wait-all`, `cancel` or `parallel`; the github-workflow schema requires one
                  hint: add `uses:` or `run:`
                runs-on.yaml:9:5: error[schema]: `jobs.self-hosted-custom.runs-on` is empty; the github-workflow schema wants a string, a list or a mapping
                  hint: write it as a string
                permissions-string-is-not-from-enum.yaml:4:14: error[schema]: `permissions` is `speak-all`; the github-workflow schema allows `read-all`, `write-all`
                  hint: did you mean `read-all`?
                """, said.toString());
    }
}
