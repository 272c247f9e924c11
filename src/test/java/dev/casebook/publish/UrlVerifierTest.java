package dev.casebook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last pass of a build proves that every internal URL of the output names a file of it. */
class UrlVerifierTest {

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
        TestSite.Built built = new TestSite.Built(new dev.casebook.pipeline.SiteBuild().build(
                dev.casebook.pipeline.BuildOptions.of(Path.of(""), dir.resolve("site"))
                        .withBaseUrl(dev.casebook.content.BaseUrl.parse("https://example.org/kb/"))), dir.resolve("site"));
        assertEquals("", built.diagnostics());
        assertTrue(built.exists("sitemap.xml") && built.exists("en/translations/index.html"));
    }

    @Test
    void readsPagesFeedsSitemapsSearchFilesAndTheIndexTheClientNames() throws IOException {
        java.util.Set<String> files = java.util.Set.of("index.html", "en/index.html", "en/a/index.html", "en/a/pic.png",
                "search/search.js", "search/abc/manifest.json");
        UrlVerifier check = new UrlVerifier(dev.casebook.content.BaseUrl.parse("https://example.org/kb/"), files, "out",
                (page, url) -> java.util.Optional.empty());
        byte[] page = ("<a href=\"/kb/en/a/\">ok</a><a href=\"/kb/en/a\">ok without slash</a><img src=\"pic.png\">"
                + "<a href=\"../a/pic.png?v=1#x\">ok relative</a><a href=\"https://example.org/kb/en/\">ok absolute</a>"
                + "<a href=\"https://other.example/x\">elsewhere</a><a href=\"#top\">this page</a>"
                + "<a href=\"/kb/en/b/\">missing</a><a href=\"../../../../etc/passwd\">above the root</a>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        check.scan("en/a/index.html", page);
        check.scan("sitemap.xml", "<url><loc>https://example.org/kb/en/gone/</loc></url>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write("{\"u\":\"/kb/en/a/\",\"t\":\"\\\"u\\\":\\\"not a url\"},{\"u\":\"/kb/zh/a/\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        check.scan("search/abc/f/0.bin", gz.toByteArray());
        check.scan("search/search.js", "// index: abd/manifest.json\nvar x;".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(
                "out/en/a/index.html:1:1: `../../../../etc/passwd` names no file of the site (in en/a/index.html)",
                "out/en/a/index.html:1:1: `/kb/en/b/` names no file of the site (in en/a/index.html)",
                "out/search/abc/f/0.bin:1:1: `/kb/zh/a/` names no file of the site (in search/abc/f/0.bin)",
                "out/search/search.js:1:1: `abd/manifest.json` names no file of the site (in search/search.js)",
                "out/sitemap.xml:1:1: `https://example.org/kb/en/gone/` names no file of the site (in sitemap.xml)"),
                check.diagnostics().stream().map(d -> d.pos() + ": " + d.message()).toList());
    }
}
