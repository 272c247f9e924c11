package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.Media;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Axe;
import dev.casebook.testing.Chromium;
import dev.casebook.testing.StaticServer;
import dev.casebook.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content tabs in a browser: an ARIA tab list worked by the keyboard, the choice remembered across pages and
 * sets with the same labels, every panel readable without script and on paper, axe-clean in both schemes.
 */
@Tag("browser")
class ContentTabsBrowserTest {

    @TempDir
    Path dir;

    private static final String ARTICLE = """
            ---
            title: %s
            summary: S
            date: 2025-01-01
            ---
            ## Reach the host

            === "macOS" {host_os=mac}

                ```yaml file=compose.yaml
                services:
                  wren-ai-service:
                    image: ghcr.io/canner/wren-ai-service:0.29.0
                ```

                Docker Desktop resolves `host.docker.internal` by itself.

            === "Linux" {host_os=linux}

                ```yaml file=compose.yaml
                services:
                  wren-ai-service:
                    image: ghcr.io/canner/wren-ai-service:0.29.0
                    extra_hosts:
                      - "host.docker.internal:host-gateway"
                ```

            === "Windows" {host_os=windows}

                Same as macOS.
            """;

    @Test
    void tabsWorkByKeyboardRememberTheChoiceAndShowEveryPanelWithoutScriptOrOnPaper() throws Exception {
        TestSite site = TestSite.write(dir, "-- content/_site.yaml --\nlanguages: [en, zh]\nrule_packs: [docker]\n"
                + "-- content/docker/a/index.en.md --\n" + ARTICLE.formatted("A")
                + "-- content/docker/b/index.en.md --\n" + ARTICLE.formatted("B")
                + "-- content/docker/a/index.zh.md --\n" + ARTICLE.formatted("甲").replace("Reach the host", "访问宿主机"));
        var result = new SiteBuild().build(BuildOptions.of(site.root(), dir.resolve("out")));
        assertTrue(result.written(), result.report().diagnostics().toString());
        assertEquals(List.of(), result.report().diagnostics());
        StaticServer server = new StaticServer(dir.resolve("out"), "/");
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        try (Chromium chromium = Chromium.launch()) {
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                Page page = chromium.browser().newPage(new Browser.NewPageOptions().setColorScheme(scheme));
                page.navigate(server.url("en/docker/a/"));
                assertEquals(List.of("macOS", "Linux", "Windows"), page.locator("[role=tablist] [role=tab]").allInnerTexts());
                assertEquals(List.of("true", "false", "false"), page.locator("[role=tab]").evaluateAll(
                        "tabs => tabs.map(t => t.getAttribute('aria-selected'))"));
                assertTrue(page.locator("#tabs-1-1").isVisible());
                assertFalse(page.locator("#tabs-1-2").isVisible());
                assertFalse(page.locator("#tabs-1-1 .tab-label").isVisible(), "the tab names the panel");
                assertEquals(List.of(), Axe.violations(page, "content tabs, " + scheme));
                // the keyboard: one tab stop, arrows move and select, End and Home jump
                page.focus("[role=tab][aria-selected=true]");
                page.keyboard().press("ArrowRight");
                assertEquals("Linux", page.evaluate("() => document.activeElement.textContent"));
                assertTrue(page.locator("#tabs-1-2").isVisible());
                assertFalse(page.locator("#tabs-1-1").isVisible());
                page.keyboard().press("End");
                assertEquals("Windows", page.evaluate("() => document.activeElement.textContent"));
                page.keyboard().press("ArrowRight");
                assertEquals("macOS", page.evaluate("() => document.activeElement.textContent"), "wraps around");
                page.keyboard().press("ArrowLeft");
                assertEquals("Windows", page.evaluate("() => document.activeElement.textContent"));
                page.keyboard().press("Home");
                page.keyboard().press("ArrowRight");
                assertEquals(List.of(-1, 0, -1), page.locator("[role=tab]").evaluateAll("tabs => tabs.map(t => t.tabIndex)"));
                assertEquals(List.of(), Axe.violations(page, "content tabs after a choice, " + scheme));
                // Try it in the Linux tab: the check page starts with the tab's host
                page.click("#tabs-1-2 a.try");
                page.waitForURL(url -> url.contains("/check/"));
                assertEquals("linux", page.inputValue("select[name=host_os]"));
                page.goBack();
                // the choice follows the reader to another page with the same labels
                page.navigate(server.url("en/docker/b/"));
                assertTrue(page.locator("#tabs-1-2").isVisible(), "Linux was chosen on the other page");
                assertFalse(page.locator("#tabs-1-1").isVisible());
                // on paper every panel shows, under its label, and the tab list does not
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
                assertTrue(page.locator("#tabs-1-1").isVisible() && page.locator("#tabs-1-3").isVisible());
                assertTrue(page.locator("#tabs-1-1 .tab-label").isVisible());
                assertFalse(page.locator("[role=tablist]").isVisible());
                page.close();
            }
            // without script: every panel under its label
            var context = chromium.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
            Page plain = context.newPage();
            plain.navigate(server.url("en/docker/a/"));
            assertEquals(0, plain.locator("[role=tablist]").count());
            assertEquals(List.of("macOS", "Linux", "Windows"), plain.locator(".tab-label").allInnerTexts());
            assertTrue(plain.locator("#tabs-1-1").isVisible() && plain.locator("#tabs-1-2").isVisible() && plain.locator("#tabs-1-3").isVisible());
            context.close();
            // screenshots to look at: phone and desktop, both schemes, both languages
            for (int width : List.of(390, 1366)) {
                for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                    for (String lang : List.of("en", "zh")) {
                        Page page = chromium.browser().newPage(new Browser.NewPageOptions().setColorScheme(scheme)
                                .setViewportSize(width, 900));
                        page.navigate(server.url(lang + "/docker/a/"));
                        page.locator(".tabs").first().screenshot(new Locator.ScreenshotOptions()
                                .setPath(shots.resolve("tabs-" + lang + "-" + width + "-" + scheme.name().toLowerCase(Locale.ROOT) + ".png")));
                        page.close();
                    }
                }
            }
        } finally {
            server.close();
        }
    }
}
