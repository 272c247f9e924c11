package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.content.BaseUrl;
import dev.casebook.testing.Axe;
import dev.casebook.testing.Chromium;
import dev.casebook.testing.StaticServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * axe-core (npm, run inside Chromium, no CDN) finds no violation on any kind of page of the
 * knowledge base, in both languages and both colour schemes; on a phone with the menu open too.
 */
@Tag("browser")
class AccessibilityBrowserTest {

    /** every kind of page the theme has, per language */
    private static final List<String> PAGES = List.of("", "litellm/openai-prefix-ollama-auth/", "litellm/",
            "search/?q=OPENAI_API_KEY", "rules/", "rules/LLM001/", "tags/", "tags/litellm/", "errors/", "products/",
            "products/wrenai/", "translations/", "check/");

    @TempDir
    Path dir;

    @Test
    void noPageHasAnAxeViolationInEitherLanguageOrColourScheme() {
        Path out = dir.resolve("site");
        assertTrue(new SiteBuild().build(BuildOptions.of(Path.of(""), out).withBaseUrl(BaseUrl.parse("/kb/"))).written());
        StaticServer server = new StaticServer(out, "/kb/");
        List<String> violations = new ArrayList<>();
        int checked = 0;
        try (Chromium chromium = Chromium.launch()) {
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                        .setColorScheme(scheme).setViewportSize(1366, 900));
                Page page = context.newPage();
                List<String> paths = new ArrayList<>(List.of("", "404.html"));
                for (String lang : List.of("en", "zh")) {
                    PAGES.forEach(p -> paths.add(lang + "/" + p));
                }
                for (String path : paths) {
                    int status = page.navigate(server.url(path)).status();
                    assertEquals(200, status, path);
                    if (path.contains("search/?q=")) {
                        page.waitForSelector(".search-page li"); // the results are part of the page checked
                    }
                    violations.addAll(Axe.violations(page, scheme + " /" + path));
                    checked++;
                }
                context.close();
            }
            // a phone, with the menu and the search results open
            BrowserContext phone = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
            Page page = phone.newPage();
            for (String lang : List.of("en", "zh")) {
                page.navigate(server.url(lang + "/litellm/openai-prefix-ollama-auth/"));
                page.click(".menu-toggle");
                page.fill("form.search input", "OPENAI_API_KEY");
                page.waitForSelector("#search-results [role=option]");
                violations.addAll(Axe.violations(page, "phone /" + lang + "/ with menu and results open"));
                checked++;
            }
            phone.close();
        } finally {
            server.close();
        }
        assertEquals(2 * (2 + 2 * PAGES.size()) + 2, checked);
        assertEquals(List.of(), violations);
    }
}
