package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.diag.DiagnosticText;
import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Schemas on article snippets: the built-in compose schema, a site's own, picked by block or file name. */
class SchemaSnippetTest {

    @TempDir
    Path dir;

    private static final String HEAD = TestSite.FRONT_MATTER;

    /** A schema for a small tool: two keys, both required, no others; a kind from a list. */
    private static final String TOOL_SCHEMA = """
            -- content/_schemas/tool.schema.json --
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "type": "object",
              "required": ["kind", "port"],
              "properties": {
                "kind": {"enum": ["Deployment", "Service"]},
                "port": {"type": "integer"}
              },
              "additionalProperties": false
            }
            """;

    @Test
    void aMisspelledComposeKeyIsReportedAtItsLineAndColumnWithTheKeyItMeant() {
        TestSite.Built built = TestSite.write(dir, "-- content/docker/a/index.en.md --\n" + HEAD + """
                ```yaml file=compose.yaml
                services:
                  ollama:
                    image: ollama/ollama
                    enviroment:
                      - OLLAMA_HOST=0.0.0.0
                    ports: 11434
                ```
                """).build();
        assertEquals("""
                content/docker/a/index.en.md:10:5: error[schema]: `services.ollama.enviroment`: the compose schema has no key `enviroment` here
                  hint: did you mean `environment`?
                content/docker/a/index.en.md:12:12: error[schema]: `services.ollama.ports` is a number; the compose schema wants a list
                  hint: write it as a list""", built.diagnostics());
        // the writer of a Chinese page reads it in Chinese (the overlay, --lang zh); the id stays
        assertEquals("content/docker/a/index.en.md:10:5: error[schema]: `services.ollama.enviroment`：compose schema 在这里没有 `enviroment` 这个键\n"
                + "  hint: 是不是想写 `environment`？", DiagnosticText.in("zh", built.result().report().diagnostics().get(0)).toString());
    }

    @Test
    void aSiteSchemaPickedByBlockCatchesAWrongTypeAMissingKeyAndAMisspelledValue() {
        TestSite.Built built = TestSite.write(dir, TOOL_SCHEMA + "-- content/tools/a/index.en.md --\n" + HEAD + """
                ```yaml file=tool.yaml schema=tool
                kind: Servce
                port: eighty
                ```

                ```yaml file=other.yaml schema=tool
                kind: Service
                ```

                ```yaml file=shown.yaml schema=tool expect=schema
                kind: Deployment
                port: "80"
                ```
                """).build();
        assertEquals("""
                content/tools/a/index.en.md:7:7: error[schema]: `kind` is `Servce`; the tool schema allows `Deployment`, `Service`
                  hint: did you mean `Service`?
                content/tools/a/index.en.md:8:7: error[schema]: `port` is a string; the tool schema wants a whole number
                  hint: write it as a whole number
                content/tools/a/index.en.md:12:1: error[schema]: the document has no `port`, which the tool schema requires
                  hint: add `port:`""", built.diagnostics());
        // the block that shows a broken config says so, without a link to a rule page that does not exist
        TestSite.Built shows = TestSite.write(dir.resolve("shows"), TOOL_SCHEMA + "-- content/tools/a/index.en.md --\n" + HEAD + """
                ```yaml file=shown.yaml schema=tool expect=schema
                kind: Deployment
                port: "80"
                ```
                """).build();
        assertEquals("", shows.diagnostics());
        var head = shows.html("en/tools/a/index.html").selectFirst(".code-head .check");
        assertEquals("shows its schema", head.text());
        assertEquals(0, head.select("a").size());
    }

    @Test
    void theSiteConfigPicksASchemaByFileNameAndAPageSaysWhatCheckedEachBlock() {
        TestSite.Built built = TestSite.write(dir, TOOL_SCHEMA + """
                -- content/_site.yaml --
                schemas:
                  "deploy/*.yaml": tool
                -- content/tools/a/index.en.md --
                """ + HEAD + """
                ```yaml file=deploy/web.yaml
                kind: Service
                port: 8080
                ```

                ```yaml file=notes.yaml
                anything: goes
                ```
                """).build();
        assertEquals("""
                content/tools/a/index.en.md:11:1: warning[snippet-unchecked]: `notes.yaml` is not checked: no rule reads this kind of file and no schema applies to it
                  hint: pick a schema with schema=NAME (content/_schemas/NAME.schema.json), or mark the block nocheck""", built.diagnostics());
        var page = built.html("en/tools/a/index.html");
        assertEquals("checked, valid", page.select(".code-head .check").get(0).text());
        assertEquals("not checked: no rule or schema reads this file", page.select(".code-head .check").get(1).text());
        assertEquals(0, page.select("a.try").size(), "the check page runs rules, not schemas");
        assertEquals("Built with Casebook from Markdown. 1 of 2 configuration snippets on this site are checked at build time.",
                page.selectFirst("footer p").ownText().split(" · ")[0].strip());
    }

    @Test
    void unknownSchemaNamesAndUnusableSchemaFilesAreNamedPrecisely() {
        TestSite.Built built = TestSite.write(dir, TOOL_SCHEMA + """
                -- content/_schemas/broken.schema.json --
                {"type": "object",
                 "properties": {"a": }}
                -- content/_schemas/remote.schema.json --
                {"$ref": "https://example.com/schemas/other.json"}
                -- content/_site.yaml --
                schemas:
                  "*.tool.yaml": tools
                -- content/tools/a/index.en.md --
                """ + HEAD + """
                ```yaml file=a.yaml schema=tol
                kind: Service
                ```
                """).build();
        assertEquals("""
                content/_schemas/broken.schema.json:2:22: error[schema-file]: the schema is not valid JSON: Unexpected character ('}' (code 125)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
                  hint: schemas are JSON Schema (draft 4 to 2020-12) files whose $ref stay inside the file; none is fetched from the network
                content/_schemas/remote.schema.json:1:1: error[schema-file]: the schema cannot be used: a $ref leaves the file: https://example.com/schemas/other.json
                  hint: schemas are JSON Schema (draft 4 to 2020-12) files whose $ref stay inside the file; none is fetched from the network
                content/_site.yaml:2:18: error[schema-unknown]: `schemas:` picks schema `tools` for *.tool.yaml, but the site has no such schema
                  hint: did you mean `tool`?
                content/tools/a/index.en.md:6:1: error[schema-unknown]: `schema=` names schema `tol`, which the site does not have
                  hint: did you mean `tool`?""", built.diagnostics());
    }
}
