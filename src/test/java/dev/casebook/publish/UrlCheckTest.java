package dev.casebook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last pass of a build proves that every internal URL of the output names a file of it. */
class UrlCheckTest {

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
            [fine](/en/tags/), [planted](/en/nope/), [base twice](/kb/en/litellm/a/), [query](/en/litellm/a/?x=1#top)
            -- content/litellm/a/index.zh.md --
            ---
            title: 甲
            summary: 摘要
            date: 2025-02-18
            ---
            正文。
            """;

    @Test
    void aDanglingLinkUnderASubPathIsReportedAtTheMarkdownLink() {
        TestSite.Built built = TestSite.write(dir, SITE).build("https://example.org/kb/");
        assertEquals("""
                content/litellm/a/index.en.md:6:30: error[dangling-url]: `/kb/en/nope/` names no file of the site (page en/litellm/a/index.html)
                  hint: link to articles by their Markdown file (../../<section>/<slug>/index.<lang>.md); root-relative links are not checked against content
                content/litellm/a/index.en.md:6:55: error[dangling-url]: `/kb/kb/en/litellm/a/` names no file of the site (page en/litellm/a/index.html)
                  hint: link to articles by their Markdown file (../../<section>/<slug>/index.<lang>.md); root-relative links are not checked against content""",
                built.diagnostics());
        assertFalse(built.result().written());
        assertFalse(Files.exists(built.out()), "a failing pass writes no site");
    }

    @Test
    void aThemeThatLinksOutsideTheBasePathIsCaughtOncePerUrl() throws IOException {
        TestSite.write(dir, SITE.replace(", [planted](/en/nope/), [base twice](/kb/en/litellm/a/)", "") + """
                -- templates/tags.peb --
                {% extends "base" %}
                {% block content %}<h1>{{ t.tags }}</h1><a href="/tags/">outside the base path</a>{% endblock %}
                """);
        TestSite.Built built = TestSite.write(dir, "").build("https://example.org/kb/");
        assertEquals("""
                out/en/tags/index.html:1:1: error[dangling-url]: `/tags/` names no file of the site (in en/tags/index.html and 1 other page)
                  hint: a template or the site config made this URL; check the theme's links and the base URL""",
                built.diagnostics());
    }

    @Test
    void theKnowledgeBaseUnderASubPathHasNoDanglingUrl() {
        TestSite.Built built = new TestSite.Built(new dev.casebook.build.SiteBuild().build(
                dev.casebook.build.BuildOptions.of(Path.of(""), dir.resolve("site"))
                        .withBaseUrl(dev.casebook.content.BaseUrl.parse("https://example.org/kb/"))), dir.resolve("site"));
        assertEquals("", built.diagnostics());
        assertTrue(built.exists("sitemap.xml") && built.exists("en/translations/index.html"));
    }
}
