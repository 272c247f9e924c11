package dev.casebook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.content.BaseUrl;
import dev.casebook.testing.Chromium;
import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A writer's loop in a real browser: edit, see it; break the front matter, see where; fix it, see it go. */
@Tag("browser")
class LivePreviewBrowserTest {

    @TempDir
    Path dir;

    private static final String SITE = """
            -- content/_site.yaml --
            languages: [en, zh]
            -- content/litellm/a/index.en.md --
            ---
            title: A
            summary: S
            date: 2025-02-18
            ---
            ## Cause
            %s
            Old sentence.
            -- content/litellm/a/index.zh.md --
            ---
            title: 甲
            summary: 摘要
            date: 2025-02-18
            ---
            ## 原因
            旧的一句。
            """.formatted("A paragraph that makes the page long enough to scroll.\n\n".repeat(60));

    @ParameterizedTest(name = "served under /{0}")
    @ValueSource(strings = {"", "kb/"})
    void editsAppearWithoutReloadingAndErrorsShowOverThePageUntilFixed(String path) throws Exception {
        TestSite.write(dir, SITE);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String base = "http://localhost:" + port + "/" + path;
        BuildOptions options = new BuildOptions(dir, dir.resolve("out"), Optional.of(BaseUrl.parse(base)), false, false,
                false, Optional.empty());
        StringWriter log = new StringWriter();
        Path en = dir.resolve("content/litellm/a/index.en.md");
        try (Preview preview = new Preview(options, new PrintWriter(log));
             Chromium chromium = Chromium.launch()) {
            preview.start();
            try (PreviewServer server = new PreviewServer(preview, BaseUrl.parse(base), "127.0.0.1", port)) {
                server.start();
                preview.watch();
                BrowserContext context = chromium.browser().newContext();
                Page page = context.newPage();
                page.navigate(base + "en/litellm/a/");
                Page zh = context.newPage();
                zh.navigate(base + "zh/litellm/a/");
                page.waitForFunction("() => document.body.innerText.includes('Old sentence.')");
                page.evaluate("() => window.scrollTo(0, 600)");
                page.waitForTimeout(300); // the live channel is open

                // an edit on disk appears by itself, at the same scroll position
                Files.writeString(en, Files.readString(en).replace("Old sentence.", "New sentence."), StandardCharsets.UTF_8);
                page.waitForFunction("() => document.body.innerText.includes('New sentence.')", null,
                        new Page.WaitForFunctionOptions().setTimeout(10_000));
                page.waitForFunction("() => Math.abs(window.scrollY - 600) < 2");

                // a front-matter error: the overlay names the file and line, the last good page stays
                Files.writeString(en, Files.readString(en).replace("title: A", "titel: A"), StandardCharsets.UTF_8);
                page.waitForSelector("#casebook-overlay", new Page.WaitForSelectorOptions().setTimeout(10_000));
                String overlay = page.innerText("#casebook-overlay");
                assertTrue(overlay.startsWith("Build error\n"), overlay);
                assertTrue(overlay.contains("content/litellm/a/index.en.md:2:1: error[front-matter-unknown-key]: "
                        + "unknown key `titel` in front matter"), overlay);
                assertTrue(overlay.contains("hint: did you mean `title`?"), overlay);
                assertTrue(page.innerText("main").contains("New sentence."), "the last good page stays underneath");
                zh.waitForSelector("#casebook-overlay", new Page.WaitForSelectorOptions().setTimeout(10_000));
                assertEquals("构建出错", zh.innerText("#casebook-overlay .casebook-overlay-title"));
                // the writer on the Chinese page reads the same diagnostic in Chinese; id and position are the same
                String zhOverlay = zh.innerText("#casebook-overlay");
                assertTrue(zhOverlay.contains("content/litellm/a/index.en.md:2:1: error[front-matter-unknown-key]: "
                        + "front matter 中有未知的键 `titel`"), zhOverlay);
                assertTrue(zhOverlay.contains("建议：是不是想写 `title`？"), zhOverlay);

                // fixed: the overlay goes and the page shows the fixed build
                Files.writeString(en, Files.readString(en).replace("titel: A", "title: A fixed"), StandardCharsets.UTF_8);
                page.waitForFunction("() => document.querySelector('h1') && document.querySelector('h1').innerText === 'A fixed'",
                        null, new Page.WaitForFunctionOptions().setTimeout(10_000));
                assertEquals(0, page.locator("#casebook-overlay").count());
                zh.waitForFunction("() => !document.getElementById('casebook-overlay')", null,
                        new Page.WaitForFunctionOptions().setTimeout(10_000));
                assertTrue(log.toString().contains("content/litellm/a/index.en.md:2:1: error[front-matter-unknown-key]"),
                        "the terminal prints the same diagnostics: " + log);
                context.close();
            }
        }
    }
}
