package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.casebook.content.BaseUrl;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Axe;
import dev.casebook.testing.BrowserSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding one's way on the seed article at the widths readers use: the header (and its search box) stays
 * at the top of a long page, "back to top" appears far down it, the table of contents sits beside the
 * article from 1,024 px and folds on a phone, and the site's name is never cut.
 */
@Tag("browser")
class NavigationBrowserTest {

    private static final String SEED = "en/litellm/openai-prefix-ollama-auth/";

    @TempDir
    Path dir;

    @Test
    void theHeaderStaysAndBackToTopAppearsFarDownALongPage() {
        try (BrowserSite site = BrowserSite.serve(site(), "/kb/")) {
            Page page = site.open(SEED);
            page.setViewportSize(1366, 768);
            assertEquals(1, page.locator("header.top").count());
            assertEquals(1, page.locator("a.to-top").count());
            assertFalse(page.locator("a.to-top").isVisible(), "at the top there is nothing to go back to");
            page.evaluate("() => scrollTo(0, document.body.scrollHeight)");
            page.waitForFunction("() => !document.querySelector('a.to-top').hidden");
            assertEquals(0.0, ((Number) page.evaluate("() => document.querySelector('header.top').getBoundingClientRect().top")).doubleValue());
            assertTrue(page.locator("header.top input[type=search]").isVisible(), "the search box is still in view");
            assertEquals(List.of(), Axe.violations(page, SEED + " scrolled down"));
            page.locator("a.to-top").click();
            page.waitForFunction("() => scrollY === 0");
            // a jump to a heading lands below the header, not under it
            page.evaluate("() => location.hash = '#how-to-verify'");
            page.waitForFunction("() => scrollY > 0");
            double headingTop = ((Number) page.evaluate("() => document.getElementById('how-to-verify').getBoundingClientRect().top")).doubleValue();
            double headerBottom = ((Number) page.evaluate("() => document.querySelector('header.top').getBoundingClientRect().bottom")).doubleValue();
            assertTrue(headingTop >= headerBottom, "heading at " + headingTop + " under a header ending at " + headerBottom);
            page.close();
        }
    }

    @Test
    void onWideScreensTheSectionsAreInASidebarThatMarksWhereTheReaderIs() {
        try (BrowserSite site = BrowserSite.serve(site(), "/kb/")) {
            Page page = site.context().newPage();
            page.setViewportSize(1366, 768);
            page.navigate(site.url(SEED));
            assertEquals(4, page.locator("nav.sidebar a").count());
            assertTrue(page.locator("nav.sidebar").isVisible());
            assertEquals(List.of("LiteLLM"), page.locator("nav.sidebar a[aria-current=true]").allInnerTexts());
            double sidebarRight = ((Number) page.evaluate("() => document.querySelector('nav.sidebar').getBoundingClientRect().right")).doubleValue();
            double articleLeft = ((Number) page.evaluate("() => document.querySelector('.article > header').getBoundingClientRect().left")).doubleValue();
            assertTrue(sidebarRight <= articleLeft, "beside the article: " + sidebarRight + " > " + articleLeft);
            assertEquals(List.of(), Axe.violations(page, SEED + " with the sidebar"));
            page.navigate(site.url("en/wrenai/"));
            assertEquals(List.of("page"), page.locator("nav.sidebar a[aria-current]").evaluateAll("as => as.map(a => a.getAttribute('aria-current'))"));
            // narrower screens have the sections in the menu instead
            page.setViewportSize(1024, 768);
            assertFalse(page.locator("nav.sidebar").isVisible());
            page.close();
        }
    }

    @Test
    void theTableOfContentsSitsBesideTheArticleFrom1024AndFoldsOnAPhone() {
        try (BrowserSite site = BrowserSite.serve(site(), "/kb/")) {
            Page page = site.context().newPage();
            page.setViewportSize(1024, 768);
            page.navigate(site.url(SEED));
            assertEquals(1, page.locator("nav.toc details.toc-fold").count());
            double tocLeft = ((Number) page.evaluate("() => document.querySelector('nav.toc').getBoundingClientRect().left")).doubleValue();
            double articleRight = ((Number) page.evaluate("() => document.querySelector('.article > header').getBoundingClientRect().right")).doubleValue();
            assertTrue(tocLeft >= articleRight, "beside the article at 1,024 px: " + tocLeft + " < " + articleRight);
            assertTrue(page.locator("nav.toc li >> nth=0").isVisible(), "open beside the article");
            page.setViewportSize(390, 844);
            page.navigate(site.url(SEED));
            assertEquals(false, page.evaluate("() => document.querySelector('.toc-fold').open"), "folded on a phone");
            assertFalse(page.locator("nav.toc li >> nth=0").isVisible());
            page.locator("nav.toc summary").click();
            assertTrue(page.locator("nav.toc li >> nth=0").isVisible(), "opened by its title");
            // the site's name wraps instead of being cut: every line of it is shown
            assertEquals(1, page.locator("header .brand").count());
            assertEquals(true, page.evaluate("() => { const b = document.querySelector('header .brand');"
                    + " return b.scrollHeight <= b.clientHeight + 1 && b.scrollWidth <= b.clientWidth + 1; }"), "the brand is cut");
            assertEquals(List.of(), Axe.violations(page, SEED + " on a phone, contents open"));
            page.close();
        }
    }

    @Test
    void onAPhoneTheRulesTableIsAListAndTheChartLabelsAreReadable() {
        try (BrowserSite site = BrowserSite.serve(site(), "/kb/")) {
            Page page = site.context().newPage();
            page.setViewportSize(390, 844);
            page.navigate(site.url("en/rules/"));
            assertTrue(page.locator("table.rules tbody tr").count() > 30);
            assertEquals(true, page.evaluate("() => { const s = document.querySelector('.table-scroll');"
                    + " return s.scrollWidth <= s.clientWidth; }"), "the rules table scrolls sideways");
            assertEquals(List.of(), Axe.violations(page, "en/rules/ on a phone"));
            page.navigate(site.url("en/translations/"));
            assertEquals(2, page.locator(".chart .chart-label").count());
            for (Object size : (List<?>) page.evaluate("() => [...document.querySelectorAll('.chart .chart-label')]"
                    + ".map(l => parseFloat(getComputedStyle(l).fontSize))")) {
                assertTrue(((Number) size).doubleValue() >= 12, "chart label at " + size + " px");
            }
            assertEquals(List.of(), Axe.violations(page, "en/translations/ on a phone"));
            page.close();
        }
    }

    private Path site() {
        Path out = dir.resolve("site");
        assertTrue(new SiteBuild().build(BuildOptions.of(Path.of(""), out).withBaseUrl(BaseUrl.parse("/kb/"))).written());
        return out;
    }
}
