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

    /**
     * A NUL inside a pasted text is just a character: the files keep their names and their
     * findings (the checker's arguments are length-framed, not separated by a character).
     */
    @Test
    void aNulInAPastedTextKeepsEveryFileWhole() {
        try (BrowserSite site = BrowserSite.serve(seedSite(), "/kb/")) {
            Page page = ready(site.open("en/check/"));
            page.fill("#file-config", CONFIG);
            page.fill("#file-env", "# pasted from a terminal: \u0000\nLLM_OPENAI_API_KEY=\n");
            page.waitForSelector(".finding");
            assertEquals(List.of("config.yaml:5:12"), findings(page));
            // a NUL as the whole of the .env: still one .env, which now lacks the key config.yaml names
            page.fill("#file-env", "\u0000");
            page.waitForFunction("() => document.querySelectorAll('.finding').length === 2");
            assertEquals(List.of("config.yaml:5:12", "config.yaml:6:19"), findings(page));
            assertEquals("ENV001", page.textContent(".finding-head a >> nth=1"));
            page.close();
        }
    }

    /** Where the worker cannot run, the page checks on its own thread: the findings still come. */
    @Test
    void withoutAWorkerThePageChecksItself() {
        try (BrowserSite site = BrowserSite.serve(seedSite(), "/kb/")) {
            Page page = site.context().newPage();
            page.route("**/check-worker.*", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setStatus(200).setContentType("text/javascript").setBody("this is not JavaScript(")));
            page.navigate(site.url("en/check/"));
            ready(page);
            page.fill("#file-config", CONFIG);
            page.fill("#file-env", "LLM_OPENAI_API_KEY=\n");
            page.waitForSelector(".finding");
            assertEquals(List.of("config.yaml:5:12"), findings(page));
            page.close();
        }
    }

    /** Errors come first whatever their line; an empty value reads as {@code ""}, not as an empty code span. */
    @Test
    void errorsComeFirstAndAnEmptyValueIsShown() {
        try (BrowserSite site = BrowserSite.serve(seedSite(), "/kb/")) {
            Page page = ready(site.open("en/check/"));
            page.fill("#file-config", """
                    type: llm
                    provider: litellm_llm
                    models:
                      - model: ""
                        api_base: ""
                        kwargs: {}
                      - model: openai/x
                        api_base: http://ollama:11434/v1
                        kwargs: {}
                    """);
            page.fill("#file-env", "OPENAI_API_KEY=\nLLM_X = y\n");
            page.waitForFunction("() => document.querySelectorAll('.finding').length === 3");
            assertEquals(List.of("config.yaml:4:12", ".env:2:1", "config.yaml:7:12"), findings(page));
            assertEquals(List.of("error", "warning", "warning"), page.locator(".finding-head .severity").allTextContents());
            assertEquals(List.of("LLM005", "ENV005", "LLM001"), page.locator(".finding-head a").allTextContents());
            // on a laptop the findings sit beside the boxes, in view while the reader edits; on a phone, below them
            String place = "() => { const f = document.querySelector('.finding').getBoundingClientRect(),"
                    + " box = document.getElementById('file-config').getBoundingClientRect();"
                    + " return [f.left >= box.right, f.top < innerHeight, f.top > box.bottom]; }";
            page.setViewportSize(1366, 800);
            page.evaluate("() => document.getElementById('file-proxy').scrollIntoView()");
            assertEquals(List.of(true, true, false), page.evaluate(place), "beside the boxes, in view");
            page.setViewportSize(390, 800);
            assertEquals(List.of(false, false, true), page.evaluate("() => { scrollTo(0, 0); return (" + place + ")(); }"), "below");
            assertEquals(List.of("\"\"", "LLM Provider NOT provided"),
                    page.locator(".finding >> nth=0").locator(".finding-message code").allTextContents());
            page.close();
        }
    }

    @Test
    void theLiteLlmVersionFieldGatesTheRulesThatDependOnIt() {
        try (BrowserSite site = BrowserSite.serve(seedSite(), "/kb/")) {
            Page page = ready(site.open("en/check/"));
            page.fill("#file-config", """
                    type: embedder
                    provider: litellm_embedder
                    models:
                      - model: ollama/nomic-embed-text
                        api_base: http://host.docker.internal:11434
                    """);
            page.fill("input[name=litellm_version]", "1.73.0");
            page.waitForFunction("() => document.querySelectorAll('.finding').length === 1");
            assertEquals(List.of("EMB003"), page.locator(".finding-head a").allTextContents());
            assertTrue(page.textContent(".finding-message").contains("LiteLLM 1.73.0 is not among the releases"),
                    page.textContent(".finding-message"));
            // a release where ollama/ embeddings work: the warning goes
            page.fill("input[name=litellm_version]", "1.72.6");
            page.waitForFunction("() => document.querySelectorAll('.finding').length === 0");
            assertEquals("No findings: every rule passes.", page.textContent(".checker-status"));
            page.close();
        }
    }

    /**
     * A config of 4,000 models and one broken one is checked in the worker: the page's own thread never stops for
     * longer than a frame or two while it is checked, and the findings arrive.
     */
    @Test
    void aLargeConfigLeavesThePageResponsive() {
        StringBuilder config = new StringBuilder("type: llm\nprovider: litellm_llm\nmodels:\n");
        for (int i = 0; i < 4000; i++) {
            config.append("  - model: ollama_chat/model-").append(i).append("\n    api_base: http://ollama:11434\n    kwargs: {}\n");
        }
        config.append("  - model: openai/deepseek-r1:8b\n    api_base: http://ollama:11434/v1\n    kwargs: {}\n");
        try (BrowserSite site = BrowserSite.serve(seedSite(), "/kb/")) {
            Page page = ready(site.open("en/check/"));
            page.fill("#file-env", "LLM_OPENAI_API_KEY=\n");
            page.waitForFunction("() => +document.getElementById('checker').dataset.checks >= 1");
            Object gap = page.evaluate("""
                    (text) => new Promise((done) => {
                      const form = document.getElementById('checker');
                      const before = +(form.dataset.checks || 0);
                      const area = document.getElementById('file-config');
                      area.value = text;
                      area.dispatchEvent(new Event('input', {bubbles: true}));
                      // measured from the task after the paste (laying out 12,000 lines is the browser's work)
                      setTimeout(() => {
                        let last = performance.now(), longest = 0;
                        const tick = setInterval(() => {
                          const now = performance.now();
                          longest = Math.max(longest, now - last);
                          last = now;
                          if (+(form.dataset.checks || 0) > before) { clearInterval(tick); done(longest); }
                        }, 5);
                      }, 0);
                    })""", config.toString());
            List<String> found = findings(page);
            assertEquals(List.of("config.yaml:12004:12"), found.subList(0, Math.min(found.size(), 3)), found.size() + " findings");
            double longest = ((Number) gap).doubleValue();
            System.out.printf(Locale.ROOT, "[check page] 4,001 models: checked in %s ms, the page's longest pause %.0f ms%n",
                    page.getAttribute("#checker", "data-ms"), longest);
            assertTrue(longest < 250, "the page's thread stopped for " + longest + " ms");
            page.close();
        }
    }

    private Path seedSite() {
        Path out = dir.resolve("site");
        if (!java.nio.file.Files.exists(out)) {
            assertTrue(new SiteBuild().build(BuildOptions.of(Path.of(""), out).withBaseUrl(BaseUrl.parse("/kb/"))).written());
        }
        return out;
    }

    private static Page ready(Page page) {
        page.waitForSelector("#checker[data-ready=true]", new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        return page;
    }

    private static List<String> findings(Page page) {
        return page.locator(".finding-head > code").allTextContents();
    }

    private static String readExample() {
        try {
            return java.nio.file.Files.readString(Path.of("src/test/resources/real-configs/wrenai-config-example/config.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
