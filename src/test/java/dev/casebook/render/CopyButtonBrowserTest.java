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
                """.formatted(CONFIG));
        var result = new SiteBuild().build(BuildOptions.of(site.root(), dir.resolve("out")));
        assertTrue(result.written(), result.report().diagnostics().toString());
        StaticServer server = new StaticServer(dir.resolve("out"), "/");
        try (Chromium chromium = Chromium.launch()) {
            BrowserContext context = chromium.browser().newContext();
            context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
            Page page = context.newPage();
            page.navigate(server.url("zh/wrenai/a/"));
            assertEquals(List.of("复制", "复制"), page.locator("pre > button.copy").allInnerTexts());
            // highlighted (YAML keys, strings, a comment), and the copy is still the exact text
            page.waitForSelector("pre code.language-yaml .token.key");
            assertEquals(List.of("type", "provider", "models", "model", "api_base", "kwargs"),
                    page.locator("pre code.language-yaml .token.key").allTextContents());
            assertEquals("# a comment with <angle> & \"quotes\"", page.locator("pre code.language-yaml .token.comment").textContent());
            page.locator("pre > button.copy").first().click();
            page.waitForFunction("() => document.querySelector('[role=status]').textContent === '已复制'");
            assertEquals(CONFIG, page.evaluate("() => navigator.clipboard.readText()"));
            assertEquals("已复制", page.locator("pre > button.copy").first().innerText());
            page.locator("pre > button.copy").nth(1).click();
            page.waitForFunction("async () => (await navigator.clipboard.readText()).startsWith('docker')");
            assertEquals("docker compose up -d    # 两个空格\n", page.evaluate("() => navigator.clipboard.readText()"));
            context.close();
        } finally {
            server.close();
        }
    }
}
