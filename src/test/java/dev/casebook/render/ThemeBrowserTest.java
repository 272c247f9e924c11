package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Chromium;
import dev.casebook.testing.StaticServer;
import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Light and dark, chosen by the system or the reader; status colours readable in both. */
@Tag("browser")
class ThemeBrowserTest {

    @TempDir
    Path dir;

    /** WCAG contrast of each element's text against the first opaque background behind it. */
    private static final String CONTRASTS = """
            (selector) => [...document.querySelectorAll(selector)].map(el => {
              const rgb = s => s.match(/[\\d.]+/g).map(Number);
              const lum = ([r, g, b]) => [r, g, b].map(c => c / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
                .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
              let bg = null;
              for (let e = el; e && !bg; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor);
                if (c.length < 4 || c[3] > 0) bg = c;
              }
              bg = bg || rgb(getComputedStyle(document.body).backgroundColor);
              const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg);
              return Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
            })""";

    @Test
    void statusColoursPassAaInBothSchemesAndTheToggleIsRemembered() {
        TestSite site = TestSite.write(dir, """
                -- content/_site.yaml --
                rule_packs: [litellm-wrenai-ollama]
                -- content/wrenai/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-01-01
                ---
                > [!WARNING]
                > Careful.

                > [!TIP]
                > A tip.

                ```yaml file=config.yaml
                type: llm
                provider: litellm_llm
                models:
                  - model: ollama_chat/x
                    api_base: http://ollama:11434
                    kwargs: {}
                ```
                """);
        assertTrue(new SiteBuild().build(BuildOptions.of(site.root(), dir.resolve("out"))).written());
        StaticServer server = new StaticServer(dir.resolve("out"), "/");
        try (Chromium chromium = Chromium.launch()) {
            Browser browser = chromium.browser();
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setColorScheme(scheme));
                Page page = context.newPage();
                for (Map.Entry<String, String> p : Map.of("en/wrenai/a/", ".check, .callout-title, .meta, .badge, pre .token",
                        "en/rules/", ".severity").entrySet()) {
                    page.navigate(server.url(p.getKey()));
                    if (p.getKey().startsWith("en/wrenai")) {
                        page.waitForSelector("pre .token"); // the highlighter has run
                    }
                    @SuppressWarnings("unchecked")
                    List<Number> contrasts = (List<Number>) page.evaluate(CONTRASTS, p.getValue());
                    assertTrue(!contrasts.isEmpty(), p.getValue());
                    for (Number c : contrasts) {
                        assertTrue(c.doubleValue() >= 4.5, scheme + " " + p.getKey() + " " + p.getValue() + ": " + contrasts);
                    }
                }
                context.close();
            }
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setColorScheme(ColorScheme.LIGHT));
            Page page = context.newPage();
            page.navigate(server.url("en/wrenai/a/"));
            assertEquals("Theme: auto", page.innerText(".theme-toggle"));
            page.click(".theme-toggle");
            assertEquals("dark", page.getAttribute("html", "data-theme"));
            assertEquals("Theme: dark", page.innerText(".theme-toggle"));
            page.navigate(server.url("en/"));
            assertEquals("dark", page.getAttribute("html", "data-theme"), "remembered on the next page");
            assertEquals("rgb(13, 17, 23)", page.evaluate("() => getComputedStyle(document.body).backgroundColor"));
            page.click(".theme-toggle");
            page.click(".theme-toggle");
            assertEquals(null, page.getAttribute("html", "data-theme"), "back to the system's choice");
            context.close();
            // printed, the page is light whether the system or the reader chose dark
            for (String chosen : List.of("", "dark")) {
                BrowserContext dark = browser.newContext(new Browser.NewContextOptions().setColorScheme(ColorScheme.DARK));
                Page printed = dark.newPage();
                printed.navigate(server.url("en/wrenai/a/"));
                if (!chosen.isEmpty()) {
                    printed.evaluate("(t) => document.documentElement.dataset.theme = t", chosen);
                }
                String colours = "() => ['body', 'h1', 'pre', '.callout-title'].map(s => { const e = document.querySelector(s);"
                        + " return s + ' ' + getComputedStyle(e).color + ' on ' + getComputedStyle(e).backgroundColor; })";
                assertEquals(List.of("body rgb(230, 237, 243) on rgb(13, 17, 23)"), ((List<?>) printed.evaluate(colours)).subList(0, 1),
                        "on screen the page is dark");
                printed.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
                assertEquals(List.of("body rgb(0, 0, 0) on rgb(255, 255, 255)", "h1 rgb(0, 0, 0) on rgba(0, 0, 0, 0)",
                        "pre rgb(0, 0, 0) on rgb(243, 244, 246)", ".callout-title rgb(138, 93, 0) on rgba(0, 0, 0, 0)"),
                        printed.evaluate(colours), "printed with " + (chosen.isEmpty() ? "the system's" : "the reader's") + " dark");
                dark.close();
            }
        } finally {
            server.close();
        }
    }
}
