package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.content.BaseUrl;
import dev.casebook.testing.BrowserSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check page in Chromium: the seed's broken config and .env give LLM001 at its line, linked to
 * the rule and to the seed article; the fix makes it go; nothing is requested after the page and
 * its checker have loaded.
 */
@Tag("browser")
class CheckPageBrowserTest {

    static final String CONFIG = """
            type: llm
            provider: litellm_llm
            models:
              - api_base: http://172.16.11.158:11434/v1
                model: openai/deepseek-r1:8b
                api_key_name: LLM_OPENAI_API_KEY
                timeout: 600
                kwargs:
                  n: 1
                  temperature: 0
            """;

    @TempDir
    Path dir;

    @Test
    void theSeedConfigShowsLlm001AndTheFixMakesItGo() {
        Path out = dir.resolve("site");
        assertTrue(new SiteBuild().build(BuildOptions.of(Path.of(""), out).withBaseUrl(BaseUrl.parse("/kb/"))).written());
        try (BrowserSite site = BrowserSite.serve(out, "/kb/")) {
            for (String lang : List.of("en", "zh")) {
                Page page = site.open(lang + "/check/");
                page.waitForSelector("#checker[data-ready=true]", new Page.WaitForSelectorOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
                List<String> requests = new ArrayList<>();
                page.onRequest(r -> requests.add(r.url()));
                page.fill("#file-config", CONFIG);
                page.fill("#file-env", "LLM_OPENAI_API_KEY=\n");
                page.waitForSelector(".finding");
                assertEquals(List.of("config.yaml:5:12"), page.locator(".finding-head > code").allTextContents());
                assertEquals("/kb/" + lang + "/rules/LLM001/", page.getAttribute(".finding-head a", "href"));
                assertEquals("/kb/" + lang + "/litellm/openai-prefix-ollama-auth/", page.getAttribute(".finding-articles a", "href"));
                // the marked column of the pasted line is the model name
                assertEquals("openai/deepseek-r1:8b", page.textContent(".finding-line mark"));
                assertEquals(lang.equals("en") ? "1 finding" : "1 条结果", page.textContent(".checker-status"));
                // the rule's `code` spans are code elements, not backticks
                assertEquals("openai/deepseek-r1:8b", page.locator(".finding-message code").first().textContent());
                String message = page.textContent(".finding-message");
                assertTrue(lang.equals("en") ? message.contains("goes through LiteLLM's OpenAI route")
                        : message.contains("走 LiteLLM 的 OpenAI 通道"), message);
                // with findings on the page, still no accessibility violation
                assertEquals(List.of(), dev.casebook.testing.Axe.violations(page, lang + "/check/ with findings"));
                // the fix: a placeholder key
                page.fill("#file-env", "LLM_OPENAI_API_KEY=\nOPENAI_API_KEY=dummy-key\n");
                page.waitForFunction("() => document.querySelectorAll('.finding').length === 0"
                        + " && document.querySelector('.checker-status').textContent !== ''");
                assertEquals(lang.equals("en") ? "No findings: every rule passes." : "没有问题：所有规则都通过了。",
                        page.textContent(".checker-status"));
                assertEquals(List.of(), requests, "the page requested something after it loaded");
                System.out.printf(Locale.ROOT, "[check page] %s: a check took %s ms%n", lang,
                        page.getAttribute("#checker", "data-ms"));
                page.close();
            }
            // "Try it" on the seed article opens the checker with the example's files: the finding it shows
            Page article = site.open("en/litellm/openai-prefix-ollama-auth/");
            article.click(".code-head .try >> nth=0");
            article.waitForSelector(".finding");
            assertEquals(List.of("config.yaml:5:12"), article.locator(".finding-head > code").allTextContents());
            assertEquals("LLM001", article.textContent(".finding-head a"));
            article.close();
            // timings for the closing note, not asserted: a fresh page, WrenAI's 200-line example pasted, then edits
            Page page = site.open("en/check/");
            page.waitForSelector("#checker[data-ready=true]", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
            String example = readExample();
            Object first = page.evaluate("(text) => { const area = document.getElementById('file-config'); area.value = text;"
                    + " const t0 = performance.now(); area.dispatchEvent(new Event('input', {bubbles: true}));"
                    + " return new Promise(r => { const wait = () => document.getElementById('checker').dataset.checks ? r(performance.now() - t0 - 150)"
                    + " : setTimeout(wait, 2); wait(); }); }", example);
            List<String> later = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                page.fill("#file-env", "OPENAI_API_KEY=key-" + i + "\n");
                page.waitForFunction("(n) => +document.getElementById('checker').dataset.checks >= n", i + 2);
                later.add(page.getAttribute("#checker", "data-ms"));
            }
            System.out.printf(Locale.ROOT, "[check page] %d-line config: first findings %.0f ms after the debounce; later checks %s ms%n",
                    example.split("\n").length, ((Number) first).doubleValue(), later);
            page.close();
        }
    }

    private static String readExample() {
        try {
            return java.nio.file.Files.readString(Path.of("src/test/resources/real-configs/wrenai-config-example/config.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
