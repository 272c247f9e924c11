package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A renamed article keeps its old addresses: each leads to it, and none takes a real page's place. */
class AliasesTest {

    @TempDir
    Path dir;

    private static final String SITE = """
            -- content/_site.yaml --
            languages: [en, zh]
            base_url: https://example.org/kb/
            -- content/litellm/new-name/index.en.md --
            ---
            title: New name
            summary: S
            date: 2025-02-18
            aliases: [litellm/old-name, /en/very/old/]
            ---
            Body.
            -- content/litellm/new-name/index.zh.md --
            ---
            title: 新名字
            summary: 摘要
            date: 2025-02-18
            ---
            正文。
            -- content/litellm/other/index.en.md --
            ---
            title: Other
            summary: S
            date: 2025-02-18
            ---
            Body.
            """;

    @Test
    void everyOldAddressRedirectsAndIsListedNowhere() {
        TestSite.Built built = TestSite.write(dir, SITE).build();
        assertEquals("", built.diagnostics());
        var en = built.html("en/litellm/old-name/index.html");
        assertEquals("0; url=/kb/en/litellm/new-name/", en.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("https://example.org/kb/en/litellm/new-name/", en.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("noindex", en.selectFirst("meta[name=robots]").attr("content"));
        assertEquals("/kb/en/litellm/new-name/", en.selectFirst("body a").attr("href"));
        assertEquals("New name", en.selectFirst("body a").text());
        // section/slug stands for the old address in every language, each to its own translation
        var zh = built.html("zh/litellm/old-name/index.html");
        assertEquals("0; url=/kb/zh/litellm/new-name/", zh.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("新名字", zh.selectFirst("body a").text());
        assertTrue(built.exists("en/very/old/index.html"));
        assertFalse(built.file("sitemap.xml").contains("old-name"), "redirects are not in the sitemap");
        assertFalse(built.file("en/feed.xml").contains("old-name"));
        assertFalse(built.file("en/litellm/index.html").contains("old-name"), "nor in lists");
    }

    @Test
    void anAliasThatWantsARealPageOrAnotherAliasIsAnErrorWhereItIsWritten() {
        TestSite.Built built = TestSite.write(dir, SITE.replace("aliases: [litellm/old-name, /en/very/old/]",
                "aliases: [litellm/other, /en/tags/]") + """
                -- content/docker/x/index.en.md --
                ---
                title: X
                summary: S
                date: 2025-02-18
                aliases: [/en/very/old/, litellm/other]
                ---
                Body.
                """).build();
        assertEquals("""
                content/docker/x/index.en.md:5:1: error[alias-collision]: alias `litellm/other` wants /en/litellm/other/, which another page of the site has
                  hint: remove the alias, or give the old address to one article only
                content/docker/x/index.en.md:5:1: error[alias-collision]: alias `litellm/other` wants /zh/litellm/other/, which another page of the site has
                  hint: remove the alias, or give the old address to one article only
                content/litellm/new-name/index.en.md:5:1: error[alias-collision]: alias `/en/tags/` wants /en/tags/, which another page of the site has
                  hint: remove the alias, or give the old address to one article only
                content/litellm/new-name/index.en.md:5:1: error[alias-collision]: alias `litellm/other` wants /en/litellm/other/, which another page of the site has
                  hint: remove the alias, or give the old address to one article only
                content/litellm/new-name/index.en.md:5:1: error[alias-collision]: alias `litellm/other` wants /zh/litellm/other/, which another page of the site has
                  hint: remove the alias, or give the old address to one article only""", built.diagnostics());
    }

    @Test
    void anAliasThatCouldLeaveTheSiteIsRefused() {
        TestSite.Built built = TestSite.write(dir, SITE.replace("aliases: [litellm/old-name, /en/very/old/]",
                "aliases: [\"/en/../../etc/\", \"https://evil.example/\"]")).build();
        assertTrue(built.diagnostics().startsWith("content/litellm/new-name/index.en.md:5:10: error[front-matter-value]: "
                + "alias `/en/../../etc/` is neither a site path like /en/litellm/old-name/ nor section/slug"), built.diagnostics());
    }
}
