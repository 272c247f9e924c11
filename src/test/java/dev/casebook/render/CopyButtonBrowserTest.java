package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Chromium;
import dev.casebook.testing.StaticServer;
import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader's main action: copying a fixed config, exactly as the article has it. */
@Tag("browser")
class CopyButtonBrowserTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            type: llm
            provider: litellm_llm
            models:
              - model: ollama_chat/qwen2.5:14b   # a comment with <angle> & "quotes"
                api_base: http://ollama:11434
                kwargs: {}
            """;

    @Test
    void theCopyButtonPutsTheExactBlockTextOnTheClipboardAndSaysSo() {
        TestSite site = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [zh, en]
                -- content/wrenai/a/index.zh.md --
                ---
                title: 甲
                summary: 摘要
                date: 2025-01-01
                ---
                ```yaml file=config.yaml
                %s```

                ```sh
                docker compose up -d    # 两个空格
                ```

                ```text
                %s
                ```
                """.formatted(CONFIG, LOG));
        var result = new SiteBuild().build(BuildOptions.of(site.root(), dir.resolve("out")));
        assertTrue(result.written(), result.report().diagnostics().toString());
        StaticServer server = new StaticServer(dir.resolve("out"), "/");
        try (Chromium chromium = Chromium.launch()) {
            BrowserContext context = chromium.browser().newContext();
            context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
            Page page = context.newPage();
            page.navigate(server.url("zh/wrenai/a/"));
            assertEquals(List.of("复制", "复制", "复制"), page.locator("pre button.copy").allInnerTexts());
            // highlighted (YAML keys, strings, a comment), and the copy is still the exact text
            page.waitForSelector("pre code.language-yaml .token.key");
            assertEquals(List.of("type", "provider", "models", "model", "api_base", "kwargs"),
                    page.locator("pre code.language-yaml .token.key").allTextContents());
            assertEquals("# a comment with <angle> & \"quotes\"", page.locator("pre code.language-yaml .token.comment").textContent());
            page.locator("pre button.copy").first().click();
            page.waitForFunction("() => document.querySelector('[role=status]').textContent === '已复制'");
            assertEquals(CONFIG, page.evaluate("() => navigator.clipboard.readText()"));
            assertEquals("已复制", page.locator("pre button.copy").first().innerText());
            page.locator("pre button.copy").nth(1).click();
            page.waitForFunction("async () => (await navigator.clipboard.readText()).startsWith('docker')");
            assertEquals("docker compose up -d    # 两个空格\n", page.evaluate("() => navigator.clipboard.readText()"));
            context.close();
        } finally {
            server.close();
        }
    }

    /** A log line longer than the block: 400 characters of one line, as wren-ai-service prints them. */
    private static final String LOG = "2025-02-18 10:01:02 ERROR litellm.exceptions.AuthenticationError: "
            + "OpenAIException - The api_key client option must be set ".repeat(6).strip();

    /**
     * With a mouse the buttons appear only while the block is pointed at or holds focus; on a touch
     * screen they always show, above the first line. Only a block with lines longer than itself
     * offers to wrap them, and wrapping ends its sideways scroll.
     */
    @Test
    void theButtonsKeepOutOfTheTextAndLongLinesCanWrap() {
        TestSite site = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [en]
                -- content/wrenai/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-01-01
                ---
                ```text
                short line
                ```

                ```text
                %s
                ```
                """.formatted(LOG));
        assertTrue(new SiteBuild().build(BuildOptions.of(site.root(), dir.resolve("out"))).written());
        StaticServer server = new StaticServer(dir.resolve("out"), "/");
        try (Chromium chromium = Chromium.launch()) {
            BrowserContext mouse = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setViewportSize(1024, 800));
            Page page = mouse.newPage();
            page.navigate(server.url("en/wrenai/a/"));
            assertEquals(2, page.locator("pre .code-tools").count());
            assertEquals(List.of("Copy", "Wrap", "Copy"), page.locator("pre .code-tools button").allInnerTexts());
            String opacities = "() => [...document.querySelectorAll('pre .code-tools')].map(t => getComputedStyle(t).opacity)";
            page.mouse().move(900, 790);
            page.waitForFunction("() => (" + opacities + ")().join() === '0,0'");
            page.hover("pre >> nth=1");
            page.waitForFunction("() => (" + opacities + ")().join() === '0,1'");
            page.mouse().move(900, 790);
            page.focus("pre >> nth=0 >> button.copy");
            page.waitForFunction("() => (" + opacities + ")().join() === '1,0'");
            // wrapping: the long block scrolled sideways, and no longer does
            String scrolls = "() => { const p = document.querySelectorAll('pre')[1]; return p.scrollWidth > p.clientWidth; }";
            assertEquals(true, page.evaluate(scrolls));
            page.click("pre >> nth=1 >> button.wrap");
            assertEquals("true", page.getAttribute("pre >> nth=1 >> button.wrap", "aria-pressed"));
            assertEquals(false, page.evaluate(scrolls));
            assertEquals(LOG + "\n", page.locator("pre >> nth=1 >> code").textContent(), "wrapping changes no text");
            mouse.close();

            BrowserContext touch = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setViewportSize(390, 800).setIsMobile(true).setHasTouch(true));
            Page phone = touch.newPage();
            phone.navigate(server.url("en/wrenai/a/"));
            assertEquals(List.of("1", "1"), phone.evaluate(opacities));
            assertEquals(true, phone.evaluate("() => [...document.querySelectorAll('pre')].every(p =>"
                    + " p.querySelector('.code-tools').getBoundingClientRect().bottom <= p.querySelector('code').getBoundingClientRect().top)"),
                    "the buttons sit above the first line, not over it");
            touch.close();
        } finally {
            server.close();
        }
    }
}
