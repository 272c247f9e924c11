package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's own templates replace the packaged ones by name; what it does not override comes from the jar. */
class SiteThemeTest {

    @TempDir
    Path dir;

    private static final String ARTICLE = """
            -- content/_site.yaml --
            languages: [en]
            -- content/docker/host-net/index.en.md --
            ---
            title: Host networking
            summary: Containers reach the host differently on each system.
            date: 2025-02-18
            tags: [docker-network]
            host_os: mac
            ---
            Body.
            """;

    @Test
    void aSitesArticleTemplateReplacesThePackagedOneAndReadsAnyFactByKey() {
        TestSite.Built built = TestSite.write(dir, ARTICLE + """
                -- templates/article.peb --
                <!doctype html><html lang="{{ page.lang }}"><title>{{ article.title }}</title>
                <p id="os">{{ article.facts.values['host_os'] }}</p><p id="tags">{% for t in article.tags %}{{ t.name }}{% endfor %}</p>
                <p id="date">{{ article.dateIso }}</p></html>
                """).build();
        assertEquals("", built.diagnostics());
        var page = built.html("en/docker/host-net/index.html");
        assertEquals("mac", page.selectFirst("#os").text());
        assertEquals("docker-network", page.selectFirst("#tags").text());
        assertEquals("2025-02-18", page.selectFirst("#date").text());
        // the pages the site does not override keep the packaged theme
        assertTrue(built.html("en/index.html").selectFirst("header") != null, built.file("en/index.html"));
    }

    @Test
    void aSiteWithoutTemplatesGetsThePackagedTheme() {
        TestSite.Built built = TestSite.write(dir, ARTICLE).build();
        assertEquals("", built.diagnostics());
        var page = built.html("en/docker/host-net/index.html");
        assertEquals("Host networking", page.selectFirst("h1").text());
        assertTrue(page.select("link[rel=stylesheet]").attr("href").matches("/assets/style\\.[0-9a-f]{8}\\.css"),
                page.select("link[rel=stylesheet]").toString());
    }
}
