package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config snippets in articles: checked at build time, with expect= for snippets that show a mistake. */
class SnippetValidatorTest {

    @TempDir
    Path dir;

    /** The site uses both built-in rule packs. */
    private static final String PACKS = "-- content/_site.yaml --\nrule_packs: [docker, litellm-wrenai-ollama]\n";

    private static final String FRONT = """
            ---
            title: A
            summary: S
            date: 2025-02-18
            ---
            """;

    @Test
    void theSeedsBrokenConfigIsReportedAtItsModelLineInTheMarkdownFile() throws IOException {
        Path seed = Path.of("content/litellm/openai-prefix-ollama-auth/index.zh.md");
        String text = Files.readString(seed).replace(" expect=LLM001", "");
        Path copy = dir.resolve("content/litellm/openai-prefix-ollama-auth/index.zh.md");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, text);
        Files.writeString(dir.resolve("content/_site.yaml"), "rule_packs: [litellm-wrenai-ollama]\n");
        List<String> lines = text.lines().toList();
        int line = lines.indexOf("    model: openai/deepseek-r1:8b") + 1;
        assertTrue(line > 1);

        TestSite.Built built = new TestSite.Built(new dev.casebook.pipeline.SiteBuild().build(
                BuildOptions.of(dir, dir.resolve("out"))), dir.resolve("out"));
        assertEquals("content/litellm/openai-prefix-ollama-auth/index.zh.md:" + line + ":12: error[LLM001]: "
                + "`openai/deepseek-r1:8b` goes through LiteLLM's OpenAI route, which demands an API key even when the "
                + "server is a local Ollama or LM Studio, but none of `LLM_OPENAI_API_KEY`, `OPENAI_API_KEY` has a value: "
                + "the call fails with `litellm.AuthenticationError … OPENAI_API_KEY`.\n"
                + "  hint: Either add `OPENAI_API_KEY=dummy-key` (any non-empty string) to `.env`, or give "
                + "`LLM_OPENAI_API_KEY` a non-empty value; or, for Ollama, switch to `ollama_chat/<model>` with "
                + "`api_base: http://<host>:11434` (no `/v1`), which needs no key.", built.diagnostics());
        assertFalse(built.result().written());
    }

    @Test
    void theSeedArticleShowsItsMistakeAndBothFixesAreValid() {
        TestSite.Built built = new TestSite.Built(new dev.casebook.pipeline.SiteBuild().build(
                new BuildOptions(Path.of(""), dir.resolve("site"), Optional.empty(), false, true)), dir.resolve("site"));
        assertEquals("", built.diagnostics());
        Document page = built.html("en/litellm/openai-prefix-ollama-auth/index.html");
        assertEquals(List.of("config.yaml shows LLM001 Try it", ".env checked, valid Try it", ".env checked, valid Try it",
                        "config.yaml checked, valid Try it", "config.yaml checked, valid Try it"),
                page.select(".code-head").stream().map(e -> e.text()).toList());
        // "Try it" opens the checker with the example's whole group: its config.yaml and its .env
        String tryIt = page.selectFirst(".code-head .try").attr("href");
        assertTrue(tryIt.startsWith("/en/check/#file=config.yaml&text=type%3A%20llm%0A") && tryIt.contains("&file=.env&text=LLM_OPENAI_API_KEY%3D%0A"),
                tryIt);
        assertEquals("/en/rules/LLM001/", page.selectFirst(".check-shows a").attr("href"));
        Document rule = built.html("zh/rules/LLM001/index.html");
        assertEquals(List.of("/zh/litellm/openai-prefix-ollama-auth/"), rule.select(".card h3 a").eachAttr("href"));
    }

    @Test
    void anExpectationThatDoesNotHoldFailsAndNamesBothSets() {
        TestSite.Built built = TestSite.write(dir, PACKS + "-- content/ollama/a/index.en.md --\n" + FRONT + """
                ```yaml file=config.yaml expect=LLM002
                type: llm
                provider: litellm_llm
                models:
                  - model: openai/qwen2.5:14b
                    api_base: http://host.docker.internal:11434
                    kwargs: {}
                ```
                """).build();
        assertEquals("""
                content/ollama/a/index.en.md:6:1: error[snippet-expect]: snippet expects {LLM002} but produces {LLM003}
                  hint: produced: LLM003 at 11:15""", built.diagnostics());
    }

    @Test
    void unexpectedErrorsFailTheBuildAndWarningsOnlyWithStrict() {
        String site = PACKS + "-- content/ollama/a/index.en.md --\n" + FRONT + """
                ```dotenv
                OPENAI_API_KEY=dummy # a comment
                ```
                """;
        TestSite.Built lenient = TestSite.write(dir.resolve("a"), site).build();
        assertTrue(lenient.result().written());
        assertEquals("""
                content/ollama/a/index.en.md:7:16: warning[ENV002]: Compose drops everything from ` #` on, so `OPENAI_API_KEY` becomes `dummy`, while `docker run --env-file` keeps the text literally. Quote the value or move the comment to its own line.
                  hint: Write `KEY="value # not a comment"`, or put the comment on the line above.""", lenient.diagnostics());
        TestSite strictSite = TestSite.write(dir.resolve("b"), site);
        assertFalse(strictSite.build(new BuildOptions(strictSite.root(), strictSite.out(), Optional.empty(), false, true))
                .result().written());

        TestSite.Built broken = TestSite.write(dir.resolve("c"), PACKS + "-- content/ollama/a/index.en.md --\n" + FRONT + """
                ```yaml
                type: llm
                provider: litellm_llm
                models:
                  - model: qwen2.5:14b
                    kwargs: {}
                ```
                """).build();
        assertEquals("content/ollama/a/index.en.md:10:12: error[LLM005]: LiteLLM cannot infer a provider from `qwen2.5:14b`: "
                + "requests fail with `LLM Provider NOT provided`.", broken.headlines());
    }

    @Test
    void aBlockWithoutFileIsAnExcerptAndSkipsRequiredKeyRules() {
        String model = """
                type: llm
                provider: litellm_llm
                models:
                  - model: ollama_chat/qwen2.5:14b
                    api_base: http://host.docker.internal:11434
                ```
                """;
        TestSite.Built excerpt = TestSite.write(dir.resolve("excerpt"), PACKS + "-- content/ollama/a/index.en.md --\n" + FRONT
                + "```yaml\n" + model).build();
        assertEquals("", excerpt.diagnostics());
        TestSite.Built whole = TestSite.write(dir.resolve("whole"), PACKS + "-- content/ollama/a/index.en.md --\n" + FRONT
                + "```yaml file=config.yaml\n" + model).build();
        assertEquals("content/ollama/a/index.en.md:10:12: error[WREN001]: wren-ai-service reads `model[\"kwargs\"]` of "
                + "`ollama_chat/qwen2.5:14b` and spreads it as a mapping; a missing or empty `kwargs` stops startup with "
                + "`KeyError: 'kwargs'`.", whole.headlines());
    }

    @Test
    void groupsSeparateABrokenWorkspaceFromItsFix() {
        TestSite.Built built = TestSite.write(dir, PACKS + "-- content/ollama/a/index.en.md --\n" + FRONT + """
                ```yaml file=config.yaml group=before expect=ENV001,LLM001
                type: llm
                provider: litellm_llm
                models:
                  - model: openai/qwen2.5:14b
                    api_base: http://host.docker.internal:11434/v1
                    api_key_name: LLM_OLLAMA_API_KEY
                    kwargs: {}
                ```
                ```dotenv file=.env group=before
                OPENAI_API_KEY=
                ```
                ```yaml file=config.yaml group=after
                type: llm
                provider: litellm_llm
                models:
                  - model: ollama_chat/qwen2.5:14b
                    api_base: http://host.docker.internal:11434
                    kwargs: {}
                ```
                ```dotenv file=.env group=after
                OPENAI_API_KEY=
                ```
                """).build();
        assertEquals("", built.diagnostics());
        assertEquals(List.of("config.yaml shows ENV001 LLM001 Try it", ".env checked, valid Try it", "config.yaml checked, valid Try it",
                ".env checked, valid Try it"), built.html("en/ollama/a/index.html").select(".code-head").eachText());
    }

    @Test
    void infoStringMistakesAreReported() {
        TestSite.Built built = TestSite.write(dir, PACKS + "-- content/ollama/a/index.en.md --\n" + FRONT + """
                ```yaml fiel=config.yaml expect=LLM01 nochek
                a: 1
                ```
                ```bash expect=LLM001
                echo hi
                ```
                ```yaml nocheck
                type: llm
                ```
                """).build();
        assertEquals("""
                content/ollama/a/index.en.md:6:1: error[snippet-attribute]: unknown attribute `fiel=` in the fence info string
                  hint: did you mean `file`?
                content/ollama/a/index.en.md:6:1: error[snippet-attribute]: unknown flag `nochek` in the fence info string
                  hint: did you mean `nocheck`?
                content/ollama/a/index.en.md:6:1: error[snippet-expect]: `expect=` names unknown rule `LLM01`
                  hint: did you mean `LLM001`?
                content/ollama/a/index.en.md:9:1: error[snippet-expect]: `expect=` on a code block that is not a config (language `bash`)
                  hint: use it on yaml, json or dotenv blocks, or name the file with file=.env / file=config.yaml
                content/ollama/a/index.en.md:12:1: warning[snippet-nocheck]: config snippet is not checked (nocheck)
                  hint: remove nocheck so readers know it is valid, or use expect= if it shows a mistake""", built.diagnostics());
    }

    @Test
    void frontMatterEnvironmentGatesVersionedRules() {
        String snippet = """
                ```yaml
                type: embedder
                provider: ollama_embedder
                models:
                  - model: nomic-embed-text
                    dimension: 768
                ```
                """;
        TestSite.Built old = TestSite.write(dir.resolve("old"), PACKS + "-- content/wrenai/a/index.en.md --\n"
                + FRONT.replace("date: 2025-02-18", "date: 2025-02-18\nwren_ai_service_version: 0.15.7") + snippet).build();
        assertEquals("", old.diagnostics());
        TestSite.Built current = TestSite.write(dir.resolve("new"), PACKS + "-- content/wrenai/a/index.en.md --\n" + FRONT + snippet).build();
        assertEquals("content/wrenai/a/index.en.md:8:11: error[WREN006]: `ollama_embedder` was removed from wren-ai-service "
                + "in 0.22.1: use `litellm_embedder`.", current.headlines());
        TestSite.Built bad = TestSite.write(dir.resolve("bad"), PACKS + "-- content/wrenai/a/index.en.md --\n"
                + FRONT.replace("date: 2025-02-18", "date: 2025-02-18\ndeployment: kubernetes")).build();
        assertEquals("content/wrenai/a/index.en.md:5:13: error[front-matter-value]: `deployment` must be one of docker, k8s, local, not `kubernetes`",
                bad.headlines());
    }

    @Test
    void theLiteLlmVersionGatesItsRulesAndIsShownOnThePage() {
        String snippet = """
                ```yaml file=config.yaml
                type: embedder
                provider: litellm_embedder
                models:
                  - model: ollama/nomic-embed-text
                    api_base: http://host.docker.internal:11434
                ```
                """;
        TestSite.Built working = TestSite.write(dir.resolve("working"), PACKS + "-- content/wrenai/a/index.en.md --\n"
                + FRONT.replace("date: 2025-02-18", "date: 2025-02-18\nlitellm_version: \"1.72.6.post1\"") + snippet).build();
        assertEquals("", working.diagnostics());
        assertEquals("Snippets checked for: LiteLLM 1.72.6.post1", working.html("en/wrenai/a/index.html").select(".facts .snippets-for").text());
        // wren-ai-service 0.24.3 installs LiteLLM 1.73.0 (its poetry.lock), where ollama/ embeddings fail again
        TestSite.Built broken = TestSite.write(dir.resolve("broken"), PACKS + "-- content/wrenai/a/index.en.md --\n"
                + FRONT.replace("date: 2025-02-18", "date: 2025-02-18\nwren_ai_service_version: 0.24.3") + snippet).build();
        assertEquals("content/wrenai/a/index.en.md:11:12: warning[EMB003]: `ollama/nomic-embed-text` embeds through LiteLLM's native "
                + "Ollama handler, and LiteLLM 1.73.0 is not among the releases where that is known to work (1.60.5 to 1.72.x); "
                + "1.56.3 and 1.73.0 fail with `TypeError: object dict can't be used in 'await' expression`. Call Ollama's "
                + "OpenAI-compatible endpoint instead: `openai/nomic-embed-text` with `…:11434/v1`.", broken.headlines());
        assertEquals("Snippets checked for: wren-ai-service 0.24.3", broken.html("en/wrenai/a/index.html").select(".facts .snippets-for").text());
        TestSite.Built none = TestSite.write(dir.resolve("none"), PACKS + "-- content/wrenai/a/index.en.md --\n" + FRONT).build();
        assertEquals(List.of(), none.html("en/wrenai/a/index.html").select(".snippets-for").eachText());
    }

    @Test
    void everyRuleHasAPageInEveryLanguageAndAnIndex() {
        TestSite.Built built = TestSite.write(dir, PACKS + "-- content/ollama/a/index.en.md --\n" + FRONT).build();
        for (String id : Catalog.builtIn().ids()) {
            assertTrue(built.exists("en/rules/" + id + "/index.html"), id);
            assertTrue(built.exists("zh/rules/" + id + "/index.html") == false); // the site has only English
        }
        Document index = built.html("en/rules/index.html");
        assertEquals(Catalog.builtIn().ids(), index.select("table.rules tbody tr td:first-child code").eachText());
        Document rule = built.html("en/rules/LLM002/index.html");
        assertEquals("LLM002 Native Ollama route with an OpenAI-style /v1 base", rule.selectFirst("h1").text());
        // the message as the rule gives it on its own failing example, not a template
        assertEquals("<p class=\"rule-message\"><code>ollama_chat/qwen2.5:14b</code> uses Ollama's native API, and LiteLLM appends "
                + "<code>/api/chat</code> to <code>http://host.docker.internal:11434/v1</code>: the request goes to "
                + "<code>…/v1/api/chat</code> and gets a 404.</p>",
                rule.selectFirst(".rule-message").outerHtml());
        assertEquals("LLM002 · Native Ollama route with an OpenAI-style /v1 base · Casebook", rule.title());
        assertEquals(2, rule.select(".example").size());
        assertTrue(rule.selectFirst(".example-failing pre").text().contains("api_base: http://host.docker.internal:11434/v1"));
    }
}
