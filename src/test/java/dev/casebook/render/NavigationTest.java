package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The menu says where the reader is: the page itself, or the part of the site it belongs to. */
class NavigationTest {

    @TempDir
    Path dir;

    @Test
    void theMenuMarksThePageAndItsPartOfTheSite() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [en]
                rule_packs: [docker]
                sections:
                  net: {en: Networking}
                  env: {en: Environment}
                -- content/net/one/index.en.md --
                ---
                title: One
                summary: S
                date: 2025-02-01
                products: [docker]
                ---
                Body.
                -- content/env/two/index.en.md --
                ---
                title: Two
                summary: S
                date: 2025-02-01
                ---
                Body.
                """).build();
        assertEquals("", built.diagnostics());
        Map<String, String> expected = new TreeMap<>(Map.of(
                "en/net/one/index.html", "Networking=true",
                "en/net/index.html", "Networking=page",
                "en/env/two/index.html", "Environment=true",
                "en/rules/index.html", "Config rules=page",
                "en/rules/ENV005/index.html", "Config rules=true",
                "en/check/index.html", "Check your config=page",
                "en/errors/index.html", "Error messages=page",
                "en/products/index.html", "Products=page",
                "en/products/docker/index.html", "Products=true",
                "en/index.html", ""));
        Map<String, String> marked = new TreeMap<>();
        for (String page : expected.keySet()) {
            List<Element> current = built.html(page).select("nav.nav a[aria-current]");
            marked.put(page, String.join(",", current.stream().map(a -> a.text() + "=" + a.attr("aria-current")).toList()));
        }
        assertEquals(expected, marked);
        // every page has the whole menu, the marked link among the rest
        assertEquals(List.of("Check your config", "Config rules", "Environment", "Error messages", "Networking", "Products"),
                built.html("en/net/one/index.html").select("nav.nav a").eachText().stream().sorted().toList());
    }
}
