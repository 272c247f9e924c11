package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** errors.json, articles.json and llms.txt on a fixture: exact content. */
class DataFilesTest {

    @TempDir
    Path dir;

    static final String SITE = """
            -- content/_site.yaml --
            languages: [zh, en]
            rule_packs: [docker, litellm-wrenai-ollama]
            base_url: https://example.org/kb/
            title: {zh: 手册, en: Handbook}
            description: {zh: 排障案例, en: Troubleshooting cases}
            -- content/litellm/key/index.zh.md --
            ---
            title: 缺少密钥
            summary: openai/ 前缀要密钥
            date: 2025-01-02
            errors:
              - "litellm.exceptions.AuthenticationError"
              - "OPENAI_API_KEY"
            products: [litellm, wrenai]
            tags: [litellm]
            verified_with: {litellm: "1.61.x"}
            ---
            ```yaml file=config.yaml expect=LLM001
            type: llm
            provider: litellm_llm
            models:
              - model: openai/x
                api_base: http://ollama:11434/v1
                kwargs: {}
            ```

            ```dotenv file=.env
            OTHER=1
            ```
            -- content/litellm/key/index.en.md --
            ---
            title: Missing key
            summary: The openai/ prefix needs a key
            date: 2025-01-02
            ---
            Body.
            -- content/ollama/port/index.en.md --
            ---
            title: "Port [11434] refused"
            summary: Nothing listens
            date: 2025-01-01
            errors: ["OPENAI_API_KEY", "connection refused"]
            ---
            Body.
            """;

    @Test
    void errorsArticlesAndLlmsTxtListTheKnowledgeBase() {
        TestSite.Built built = TestSite.write(dir, SITE).build();
        assertEquals("", built.diagnostics());
        assertEquals("""
                {
                  "errors": [
                    {"error": "OPENAI_API_KEY", "articles": [{"id": "litellm/key", "urls": {"zh": "https://example.org/kb/zh/litellm/key/", "en": "https://example.org/kb/en/litellm/key/"}, "titles": {"zh": "缺少密钥", "en": "Missing key"}}, {"id": "ollama/port", "urls": {"en": "https://example.org/kb/en/ollama/port/"}, "titles": {"en": "Port [11434] refused"}}], "rules": ["LLM001"]},
                    {"error": "connection refused", "articles": [{"id": "ollama/port", "urls": {"en": "https://example.org/kb/en/ollama/port/"}, "titles": {"en": "Port [11434] refused"}}], "rules": []},
                    {"error": "litellm.exceptions.AuthenticationError", "articles": [{"id": "litellm/key", "urls": {"zh": "https://example.org/kb/zh/litellm/key/", "en": "https://example.org/kb/en/litellm/key/"}, "titles": {"zh": "缺少密钥", "en": "Missing key"}}], "rules": ["LLM001"]}
                  ]
                }
                """, built.file("errors.json"));
        assertEquals("""
                {
                  "articles": [
                    {"id": "litellm/key", "section": "litellm", "urls": {"zh": "https://example.org/kb/zh/litellm/key/", "en": "https://example.org/kb/en/litellm/key/"}, "titles": {"zh": "缺少密钥", "en": "Missing key"}, "summaries": {"zh": "openai/ 前缀要密钥", "en": "The openai/ prefix needs a key"}, "errors": ["litellm.exceptions.AuthenticationError", "OPENAI_API_KEY"], "products": ["litellm", "wrenai"], "tags": ["litellm"], "versions": {"litellm": "1.61.x"}, "rules": ["LLM001"]},
                    {"id": "ollama/port", "section": "ollama", "urls": {"en": "https://example.org/kb/en/ollama/port/"}, "titles": {"en": "Port [11434] refused"}, "summaries": {"en": "Nothing listens"}, "errors": ["OPENAI_API_KEY", "connection refused"], "products": [], "tags": [], "versions": {}, "rules": []}
                  ]
                }
                """, built.file("articles.json"));
        assertEquals("""
                # 手册

                > 排障案例

                Troubleshooting articles, each with the exact error strings it solves and configs checked at build time. Machine-readable: https://example.org/kb/articles.json and https://example.org/kb/errors.json.

                ## 手册 (zh)

                - [缺少密钥](https://example.org/kb/zh/litellm/key/): openai/ 前缀要密钥

                ## Handbook (en)

                - [Missing key](https://example.org/kb/en/litellm/key/): The openai/ prefix needs a key
                - [Port \\[11434\\] refused](https://example.org/kb/en/ollama/port/): Nothing listens
                """, built.file("llms.txt"));
    }

    /** A summary cannot add a link or a remote image to llms.txt, nor control characters through a YAML escape. */
    @Test
    void llmsTxtShowsMarkdownInTitlesAndSummariesAsText() {
        TestSite.Built built = TestSite.write(dir.resolve("evil"), """
                -- content/a/b/index.en.md --
                ---
                title: "Fix *it* <b>now</b>"
                summary: "[click](javascript:alert(1)) ![pixel](https://evil.example/p.png) bell\\x07 end"
                date: 2025-02-18
                ---
                Body.
                """).build();
        assertEquals("content/a/b/index.en.md:3:10: warning[encoding]: control character U+0007 replaced by U+FFFD\n"
                + "  hint: remove it: invisible characters can make text read differently from what it is", built.diagnostics());
        String line = built.file("llms.txt").lines().filter(l -> l.startsWith("- ")).findFirst().orElseThrow();
        assertEquals("- [Fix *it* &lt;b&gt;now&lt;/b&gt;](/en/a/b/): \\[click\\](javascript:alert(1)) "
                + "!\\[pixel\\](https://evil.example/p.png) bell\uFFFD end", line);
    }
}
