package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code casebook validate} on a reader's own files, and {@code casebook rules}. */
class ValidateCommandTest {

    @TempDir
    Path dir;
    String config;
    String env;

    @BeforeEach
    void files() throws IOException {
        config = dir.resolve("config.yaml").toString();
        env = dir.resolve(".env").toString();
        Files.writeString(Path.of(config), """
                type: llm
                provider: litellm_llm
                models:
                  - api_base: http://host.docker.internal:11434/v1
                    model: openai/deepseek-r1:8b
                    api_key_name: LLM_OLLAMA_API_KEY
                    kwargs: {}
                """);
        Files.writeString(Path.of(env), "LLM_OPENAI_API_KEY=\n");
    }

    @Test
    void textReportsCrossFileFindings() {
        MainTest.Run r = MainTest.run("validate", config, env);
        assertEquals(1, r.code());
        assertEquals(config + ":5:12: error[LLM001]: `openai/deepseek-r1:8b` goes through LiteLLM's OpenAI route, which demands an "
                + "API key even when the server is a local Ollama or LM Studio, but none of `LLM_OLLAMA_API_KEY`, `OPENAI_API_KEY` "
                + "has a value: the call fails with `litellm.AuthenticationError … OPENAI_API_KEY`.\n"
                + "  hint: Either add `OPENAI_API_KEY=dummy-key` (any non-empty string) to `.env`, or give `LLM_OLLAMA_API_KEY` a "
                + "non-empty value; or, for Ollama, switch to `ollama_chat/<model>` with `api_base: http://<host>:11434` (no `/v1`), "
                + "which needs no key.\n"
                + config + ":6:19: warning[ENV001]: `api_key_name: LLM_OLLAMA_API_KEY` but `.env` has no `LLM_OLLAMA_API_KEY`: "
                + "WrenAI passes no key and LiteLLM falls back to `OPENAI_API_KEY`.\n"
                + "  hint: Define `LLM_OLLAMA_API_KEY` in `.env`, fix the spelling, or delete `api_key_name` and put the key in `OPENAI_API_KEY`.\n",
                r.out());
        assertEquals("casebook validate: 2 files, 1 error, 1 warning\n", r.err());
    }

    @Test
    void aComposeFileIsCheckedAgainstTheComposeSchemaAndAnyFileAgainstTheSchemaGiven() throws IOException {
        Path compose = dir.resolve("docker-compose.yaml");
        Files.writeString(compose, "services:\n  web:\n    image: nginx\n    restart: always\n    enviroment:\n      A: 1\n");
        MainTest.Run r = MainTest.run("validate", compose.toString());
        assertEquals(compose + ":5:5: error[schema]: `services.web.enviroment`: the compose schema has no key `enviroment` here\n"
                + "  hint: did you mean `environment`?\n", r.out());
        assertEquals(1, r.code());

        Path schema = dir.resolve("deployment.schema.json");
        Files.writeString(schema, """
                {"type": "object", "required": ["apiVersion", "kind"],
                 "properties": {"kind": {"enum": ["Deployment", "Service", "ConfigMap"]}, "apiVersion": {"type": "string"}}}
                """);
        Path manifest = dir.resolve("deployment.yaml");
        Files.writeString(manifest, "kind: Servce\nmetadata:\n  name: web\n");
        r = MainTest.run("validate", "--schema", schema.toString(), manifest.toString());
        assertEquals(manifest + ":1:1: error[schema]: the document has no `apiVersion`, which the given schema requires\n"
                + "  hint: add `apiVersion:`\n"
                + manifest + ":1:7: error[schema]: `kind` is `Servce`; the given schema allows `Deployment`, `Service`, `ConfigMap`\n"
                + "  hint: did you mean `Service`?\n", r.out());
        assertEquals("casebook validate: 1 file, 2 errors, 0 warnings\n", r.err());

        // without --schema the same manifest is said to be unchecked, not passed in silence
        r = MainTest.run("validate", manifest.toString());
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith(manifest + ":1:1: warning[file-kind]:"), r.out());

        // a schema that cannot compile is named with the first line of why, not a stack trace
        Files.writeString(schema, "{\"properties\": {\"kind\": {\"pattern\": \"[\"}}}");
        r = MainTest.run("validate", "--schema", schema.toString(), manifest.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(schema.toString().replace(File.separatorChar, '/')
                + ":1:1: error[schema-file]: the schema cannot be used: Unclosed character class near index 0\n"), r.err());

        Files.writeString(schema, "{\"$ref\": \"https://json.schemastore.org/github-workflow.json\"}");
        r = MainTest.run("validate", "--schema", schema.toString(), manifest.toString());
        assertEquals(2, r.code());
        assertEquals(schema.toString().replace(File.separatorChar, '/')
                + ":1:1: error[schema-file]: the schema cannot be used: a $ref leaves the file: https://json.schemastore.org/github-workflow.json\n"
                + "  hint: schemas are JSON Schema (draft 4 to 2020-12) files whose $ref stay inside the file; none is fetched from the network\n",
                r.err());
    }

    @Test
    void aSitesOwnFilesAreCheckedWithTheSchemasItsSiteConfigPicks() throws IOException {
        Path kb = dir.resolve("kb");
        Files.createDirectories(kb.resolve("content/_schemas"));
        Files.createDirectories(kb.resolve(".github/workflows"));
        Files.writeString(kb.resolve("content/_site.yaml"), "schemas:\n  \".github/workflows/*.yml\": workflow\n");
        Files.writeString(kb.resolve("content/_schemas/workflow.schema.json"), """
                {"type": "object", "required": ["on", "jobs"],
                 "properties": {"on": {}, "jobs": {"type": "object"}, "name": {"type": "string"}}, "additionalProperties": false}
                """);
        Path ci = kb.resolve(".github/workflows/ci.yml");
        Files.writeString(ci, "name: ci\non: push\njob:\n  build: {}\n");
        MainTest.Run r = MainTest.run("validate", "--site", kb.toString(), ci.toString());
        assertEquals(ci + ":1:1: error[schema]: the document has no `jobs`, which the workflow schema requires\n"
                + "  hint: add `jobs:`\n"
                + ci + ":3:1: error[schema]: `job`: the workflow schema has no key `job` here\n"
                + "  hint: did you mean `jobs`?\n", r.out());
        assertEquals(1, r.code());
        // outside the patterns the file is said to be unchecked
        Path other = kb.resolve("other.yml");
        Files.writeString(other, "job: {}\n");
        assertTrue(MainTest.run("validate", "--site", kb.toString(), other.toString()).out().contains("warning[file-kind]"));
    }

    @Test
    void filesNoRuleReadsAreSaidSoAndAFileGivenTwiceIsCheckedOnce() throws IOException {
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "foo: bar\n");
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");
        MainTest.Run r = MainTest.run("validate", other.toString(), empty.toString(), config, config, env);
        assertEquals(1, r.code());
        assertTrue(r.out().contains("\n" + empty + ":1:1: warning[file-empty]: the file is empty, so there is nothing to check\n"
                + "  hint: give the config file itself\n"
                + other + ":1:1: warning[file-kind]: not a WrenAI config.yaml, LiteLLM proxy config, docker compose file or .env, "
                + "and no schema was given, so nothing checks it\n"), r.out());
        assertEquals("casebook validate: " + config + " is given twice; it is checked once\n"
                + "casebook validate: 4 files, 1 error, 3 warnings\n", r.err());
    }

    @Test
    void oneMissingKeyIsNamedOnceAndItsFixIsNotRepeated() throws IOException {
        Files.writeString(Path.of(config), Files.readString(Path.of(config)).replace("    api_key_name: LLM_OLLAMA_API_KEY\n", ""));
        Files.writeString(Path.of(env), "OTHER=1\n");
        MainTest.Run r = MainTest.run("validate", config, env);
        assertEquals(config + ":5:12: error[LLM001]: `openai/deepseek-r1:8b` goes through LiteLLM's OpenAI route, which demands an "
                + "API key even when the server is a local Ollama or LM Studio, but `OPENAI_API_KEY` has no value: the call fails "
                + "with `litellm.AuthenticationError … OPENAI_API_KEY`.\n"
                + "  hint: Add `OPENAI_API_KEY=dummy-key` (any non-empty string) to `.env`; or, for Ollama, switch to "
                + "`ollama_chat/<model>` with `api_base: http://<host>:11434` (no `/v1`), which needs no key.\n", r.out());
    }

    @Test
    void chineseMessages() {
        MainTest.Run r = MainTest.run("validate", config, env, "--lang", "zh");
        assertTrue(r.out().contains("error[LLM001]: `openai/deepseek-r1:8b` 走 LiteLLM 的 OpenAI 通道"), r.out());
    }

    @Test
    void jsonIsAnArrayOfFindings() throws IOException {
        MainTest.Run r = MainTest.run("validate", config, env, "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(2, json.size());
        assertEquals("LLM001", json.get(0).get("rule").asText());
        assertEquals("error", json.get(0).get("severity").asText());
        assertEquals(config, json.get(0).get("file").asText());
        assertEquals(5, json.get(0).get("line").asInt());
        assertEquals(12, json.get(0).get("column").asInt());
        assertTrue(json.get(0).get("fix").asText().startsWith("Either add `OPENAI_API_KEY=dummy-key`"));
        assertEquals("ENV001", json.get(1).get("rule").asText());
        assertEquals("warning", json.get(1).get("severity").asText());
        assertEquals(1, r.code());
    }

    @Test
    void githubAnnotations() {
        MainTest.Run r = MainTest.run("validate", config, env, "--format", "github");
        assertTrue(r.out().startsWith("::error file=" + config.replace(":", "%3A") + ",line=5,col=12,title=LLM001::"), r.out());
        assertTrue(r.out().contains("::warning file="), r.out());
    }

    @Test
    void sarifIsValidSarif210() throws IOException {
        MainTest.Run r = MainTest.run("validate", config, env, "--format", "sarif");
        JsonNode log = new ObjectMapper().readTree(r.out());
        JsonSchema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> problems = schema.validate(log);
        assertEquals(Set.of(), problems);
        JsonNode results = log.get("runs").get(0).get("results");
        assertEquals(2, results.size());
        assertEquals("LLM001", results.get(0).get("ruleId").asText());
        assertEquals(5, results.get(0).get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
        assertEquals("LLM001", log.get("runs").get(0).get("tool").get("driver").get("rules").get(0).get("id").asText());

        // a schema finding is a result like a rule's, with its own rule entry
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, "services:\n  web:\n    image: nginx\n    enviroment: {}\n");
        JsonNode schemaLog = new ObjectMapper().readTree(MainTest.run("validate", compose.toString(), "--format", "sarif").out());
        assertEquals(Set.of(), schema.validate(schemaLog));
        JsonNode result = schemaLog.get("runs").get(0).get("results").get(0);
        assertEquals("schema", result.get("ruleId").asText());
        assertEquals(4, result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
        JsonNode rules = schemaLog.get("runs").get(0).get("tool").get("driver").get("rules");
        assertEquals("schema", rules.get(result.get("ruleIndex").asInt()).get("id").asText());
    }

    @Test
    void cleanFilesExitZeroAndUnreadableInputExitsTwo() throws IOException {
        Files.writeString(Path.of(env), "LLM_OLLAMA_API_KEY=\nOPENAI_API_KEY=dummy-key\n");
        MainTest.Run clean = MainTest.run("validate", config, env);
        assertEquals(0, clean.code(), clean.out());
        assertEquals("", clean.out());
        assertEquals(2, MainTest.run("validate", dir.resolve("missing.yaml").toString()).code());
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9});
        assertEquals(2, MainTest.run("validate", dir.resolve("latin1.yaml").toString()).code());
        assertEquals(2, MainTest.run("validate", config, "--deployment", "swarm").code());
    }

    @Test
    void hostileYamlGivesAClearDiagnosticQuickly() throws IOException {
        Path bomb = dir.resolve("bomb.yaml");
        StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(9))
                    .append("*a").append(i - 1).append("]\n");
        }
        Files.writeString(bomb, b.toString());
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "key: " + "x".repeat(10 * 1024 * 1024) + "\n");
        Path deep = dir.resolve("deep.yaml");
        Files.writeString(deep, "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        for (Path file : new Path[] {bomb, big, deep}) {
            MainTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> MainTest.run("validate", file.toString()));
            assertEquals(1, r.code(), r.out() + r.err());
            assertTrue(r.out().startsWith(file + ":"), r.out());
            assertTrue(r.out().contains(": error[yaml-limit]: "), r.out());
            assertTrue(!r.err().contains("Exception") && !r.out().contains("\tat "), r.err());
        }
    }

    @Test
    void rulesListsEveryRuleAndShowsOne() {
        MainTest.Run list = MainTest.run("rules");
        assertEquals(0, list.code());
        // a heading and a blank line per pack, a line per rule, then the count, the schema check and the facts' revision
        dev.casebook.validate.Catalog catalog = dev.casebook.validate.Catalog.builtIn();
        assertEquals(catalog.rules().size() + 2 * catalog.packs().size() + 3, list.out().lines().count());
        assertTrue(list.out().contains("\nJSON Schema: schema     error    a config breaks its JSON Schema (compose files: "), list.out());
        MainTest.Run schema = MainTest.run("rules", "schema");
        assertTrue(schema.out().startsWith("schema (error): a config breaks its JSON Schema\n"), schema.out());
        assertTrue(list.out().endsWith("\nLiteLLM facts (providers, model map): LiteLLM providers @001c64f24845, model map of 2025-09-01\n"),
                list.out());
        assertTrue(list.out().startsWith("rule pack docker: Docker Compose and .env files\n"
                + "  NET002   error    Misspelled `host.docker.internal`\n"), list.out());
        assertTrue(list.out().contains("\nrule pack litellm-wrenai-ollama: LiteLLM, WrenAI and Ollama\n"
                + "  LLM001   error    `openai/` route without a usable API key\n"), list.out());
        MainTest.Run one = MainTest.run("rules", "llm002", "--lang", "zh");
        assertTrue(one.out().startsWith("LLM002 (error): Ollama 原生通道的 `api_base` 带了 `/v1`\n"
                + "applies to: wren-config, litellm-proxy; rule pack: litellm-wrenai-ollama\n"), one.out());
        assertTrue(one.out().contains("-- triggers LLM002: ollama_chat 带 /v1"), one.out());
        MainTest.Run unknown = MainTest.run("rules", "LLM100");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("did you mean `LLM001`?") || unknown.err().contains("did you mean `LLM010`?"), unknown.err());
    }

    /** A file name reaches every stream and format as what it is: no scheme, no line break, no folder made of a backslash. */
    @Test
    void oddFileNamesStayWhatTheyAreInEveryStreamAndFormat() throws IOException {
        Path dir = java.nio.file.Files.createTempDirectory("names");
        Path colon = java.nio.file.Files.writeString(dir.resolve("a:b.env"), "KEY=one\nKEY=two\n");
        Path backslash = java.nio.file.Files.writeString(dir.resolve("x\\y.env"), "OTHER=one\nOTHER=two\n");
        MainTest.Run sarif = MainTest.run("validate", colon.toString(), backslash.toString(), "--format", "sarif");
        assertTrue(sarif.out().contains("\"uri\": \"" + ReportUri.of(dir) + "/a%3Ab.env\""), sarif.out());
        assertTrue(sarif.out().contains("/x%5Cy.env\""), sarif.out());
        MainTest.Run text = MainTest.run("validate", backslash.toString());
        assertTrue(text.out().startsWith(backslash + ":2:1: warning[ENV003]"), text.out());
        MainTest.Run missing = MainTest.run("validate", dir.resolve("gone\n::error file=x::injected").toString(), "--format", "github");
        assertEquals(2, missing.code());
        assertTrue(missing.err().lines().noneMatch(l -> l.startsWith("::")), missing.err());
        assertTrue(missing.err().contains("gone\\u000A::error file=x::injected: no such file"), missing.err());
    }

    /** The percent-encoded form of a folder, as ReportWriter writes it. */
    private static final class ReportUri {
        static String of(Path dir) {
            StringBuilder out = new StringBuilder();
            for (byte b : dir.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                out.append(c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0) ? String.valueOf((char) c)
                        : String.format(java.util.Locale.ROOT, "%%%02X", c));
            }
            return out.toString();
        }
    }
}
