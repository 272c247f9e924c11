package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Chromium;
import dev.casebook.testing.StaticServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a 390 px phone no page scrolls sideways, and the search box does not ask for a key the phone lacks. */
@Tag("browser")
class PhoneWidthBrowserTest {

    @TempDir
    static Path dir;
    static StaticServer server;
    static Chromium chromium;

    /** The knowledge base, built once and served for both tests. */
    @BeforeAll
    static void serve() {
        Path out = dir.resolve("site");
        assertTrue(new SiteBuild().build(BuildOptions.of(Path.of(""), out)).written());
        server = new StaticServer(out, "/");
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A 390 x 844 touch screen. */
    private static BrowserContext phone() {
        return chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setHasTouch(true).setIsMobile(true));
    }

    @Test
    void noPageIsWiderThanAPhone() {
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            List<String> wide = new ArrayList<>();
            for (String lang : List.of("en", "zh")) {
                for (String path : List.of("", "litellm/openai-prefix-ollama-auth/", "litellm/", "rules/", "rules/LLM001/",
                        "search/?q=OPENAI_API_KEY", "search/?q=embedding%20dimension", "errors/", "translations/", "tags/",
                        "products/", "products/wrenai/", "check/")) {
                    // a missing page would be narrow too: each one must be there
                    assertEquals(200, page.navigate(server.url(lang + "/" + path)).status(), lang + "/" + path);
                    if (path.startsWith("search/")) {
                        // the results come from the script: measured once they are there (error strings among them)
                        page.waitForSelector("#search-page li");
                        assertTrue(page.locator("#search-page li").count() >= 3, lang + "/" + path);
                        Number over = (Number) page.evaluate("() => [...document.querySelectorAll('#search-page .result-excerpt, "
                                + "#search-page .result-title')].filter(e => e.scrollWidth > e.clientWidth + 1).length");
                        if (over.intValue() > 0) {
                            wide.add(lang + "/" + path + ": " + over + " titles or excerpts run past their box");
                        }
                    }
                    Number width = (Number) page.evaluate("() => document.documentElement.scrollWidth");
                    if (width.intValue() > 390) {
                        wide.add(lang + "/" + path + " is " + width + " px wide");
                    }
                }
            }
            assertEquals(List.of(), wide);
            page.navigate(server.url("en/"));
            assertEquals("Search errors, configs…", page.getAttribute("form.search input", "placeholder"));
        }
    }

    @Test
    void thePhoneHeaderIsOneRowAndItsMenuHoldsSectionsPagesAndLanguages() {
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            assertEquals(200, page.navigate(server.url("en/litellm/openai-prefix-ollama-auth/")).status());
            // menu button, site name and search share one row
            Number header = (Number) page.evaluate("() => document.querySelector('header.top').getBoundingClientRect().height");
            assertTrue(header.doubleValue() <= 64, "header is " + header + " px high");
            assertEquals("false", page.getAttribute(".menu-toggle", "aria-expanded"));
            assertEquals(1, page.locator("#site-menu").count()); // hidden, not missing
            assertFalse(page.isVisible("#site-menu"));
            page.click(".menu-toggle");
            assertEquals("true", page.getAttribute(".menu-toggle", "aria-expanded"));
            assertEquals(List.of("Docker networking", "LiteLLM", "Ollama", "WrenAI", "Config rules", "Check your config",
                            "Error messages", "Products"),
                    page.locator("#site-menu nav.nav a").allInnerTexts());
            assertEquals(List.of("中文", "English"), page.locator("#site-menu nav.langs a").allInnerTexts());
            assertTrue(page.isVisible("#site-menu nav.nav a >> text=Docker networking"));
            assertTrue(page.isVisible("#site-menu .theme-toggle"));
            // every entry is a comfortable touch target
            Number smallest = (Number) page.evaluate("() => Math.min(...[...document.querySelectorAll('#site-menu a')]"
                    + ".map(a => a.getBoundingClientRect().height))");
            assertTrue(smallest.doubleValue() >= 40, "a menu entry is " + smallest + " px high");
            page.keyboard().press("Escape");
            assertFalse(page.isVisible("#site-menu"));
            assertEquals("false", page.getAttribute(".menu-toggle", "aria-expanded"));
            assertEquals(Boolean.TRUE, page.evaluate("() => document.activeElement.classList.contains('menu-toggle')"));
            // on a laptop the same header needs no menu button, and sections stay on the home page
            page.setViewportSize(1366, 900);
            Number laptopHeader = (Number) page.evaluate("() => document.querySelector('header.top').getBoundingClientRect().height");
            assertTrue(laptopHeader.doubleValue() <= 64, "the laptop header is " + laptopHeader + " px high: it wrapped");
            assertEquals(1, page.locator(".menu-toggle").count());
            assertFalse(page.isVisible(".menu-toggle"));
            assertTrue(page.isVisible("#site-menu nav.nav a >> text=Config rules"));
            assertEquals(1, page.locator("#site-menu nav.nav a >> text=Docker networking").count());
            assertFalse(page.isVisible("#site-menu nav.nav a >> text=Docker networking"));
            // the answer first: the summary and the link to the fix are on the first screen, in both languages
            for (String lang : List.of("en", "zh")) {
                page.navigate(server.url(lang + "/litellm/openai-prefix-ollama-auth/"));
                Number bottom = (Number) page.evaluate("() => document.querySelector('header .jump a').getBoundingClientRect().bottom");
                assertTrue(bottom.doubleValue() < 900, lang + ": the link to the fix ends at " + bottom + " px");
                page.click("header .jump a");
                Number fix = (Number) page.evaluate("() => document.getElementById(decodeURIComponent(location.hash.slice(1)))"
                        + ".getBoundingClientRect().top");
                // just below the header, which stays at the top
                Number headerBottom = (Number) page.evaluate("() => document.querySelector('header.top').getBoundingClientRect().bottom");
                assertTrue(fix.doubleValue() >= headerBottom.doubleValue() && fix.doubleValue() < headerBottom.doubleValue() + 24,
                        lang + ": the fix heading is at " + fix + " px after the jump, the header ends at " + headerBottom);
            }
        }
    }
}
