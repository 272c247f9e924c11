package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.Axe;
import dev.casebook.testing.Chromium;
import dev.casebook.testing.StaticServer;
import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `??? note "Title"` blocks: closed until asked, opened by keyboard, open on paper, accessible in both schemes. */
@Tag("browser")
class CollapsibleBlocksBrowserTest {

    @TempDir
    Path dir;

    @Test
    void aCollapsedLogOpensFromTheKeyboardAndPrintsOpen() {
        TestSite site = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [en]
                -- content/docker/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-01-01
                ---
                ## Symptoms

                The service stops at start.

                ??? note "The whole log"

                    ```text
                    Traceback (most recent call last):
                      File "/src/globals.py", line 259, in create_service_container
                    KeyError: 'sql_tables_extraction'
                    ```

                ???+ tip "Shown from the start"

                    Already open.
                """);
        var result = new SiteBuild().build(BuildOptions.of(site.root(), dir.resolve("out")));
        assertTrue(result.written(), result.report().diagnostics().toString());
        StaticServer server = new StaticServer(dir.resolve("out"), "/");
        try (Chromium chromium = Chromium.launch()) {
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                Page page = chromium.browser().newPage(new Browser.NewPageOptions().setColorScheme(scheme));
                page.navigate(server.url("en/docker/a/"));
                assertEquals(2, page.locator("details.collapsible").count());
                assertEquals(List.of("The whole log", "Shown from the start"), page.locator("details.collapsible > summary").allInnerTexts());
                assertFalse(page.locator("details.collapsible >> nth=0").locator("pre").isVisible(), "closed until asked");
                assertTrue(page.locator("details.collapsible >> nth=1").locator("p").isVisible(), "???+ starts open");
                assertEquals(List.of(), Axe.violations(page, "collapsible blocks, " + scheme));
                // the keyboard reaches the title and opens it
                page.focus("details.collapsible >> nth=0 >> summary");
                page.keyboard().press("Enter");
                assertTrue(page.locator("details.collapsible >> nth=0").locator("pre").isVisible(), "opened by Enter");
                page.keyboard().press("Enter");
                assertFalse(page.locator("details.collapsible >> nth=0").locator("pre").isVisible(), "closed again");
                // printing opens what is closed, and closes it again afterwards
                page.evaluate("() => dispatchEvent(new Event('beforeprint'))");
                assertEquals(List.of(true, true), page.evaluate("() => [...document.querySelectorAll('details.collapsible')].map(d => d.open)"));
                page.evaluate("() => dispatchEvent(new Event('afterprint'))");
                assertEquals(List.of(false, true), page.evaluate("() => [...document.querySelectorAll('details.collapsible')].map(d => d.open)"));
                page.close();
            }
        } finally {
            server.close();
        }
    }
}
