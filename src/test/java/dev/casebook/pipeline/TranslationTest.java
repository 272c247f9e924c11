package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Translation pairing by folder, fallback pages for missing languages, hreflang and the switcher. */
class TranslationTest {

    @TempDir
    Path dir;

    TestSite.Built built;

    @BeforeEach
    void build() {
        built = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [zh, en]
                base_url: https://example.org/kb/
                -- content/litellm/both/index.zh.md --
                ---
                title: 两种语言
                summary: 中文摘要
                date: 2025-02-18
                ---
                中文正文。
                -- content/litellm/both/index.en.md --
                ---
                title: Both languages
                summary: English summary
                date: 2025-02-18
                ---
                English body.
                -- content/litellm/zh-only/index.zh.md --
                ---
                title: 只有中文
                summary: 只有中文的文章
                date: 2025-03-01
                ---
                只有中文的正文。
                """).build();
        assertEquals("", built.diagnostics());
    }

    @Test
    void translationsInOneFolderArePairedWithHreflangAndXDefault() {
        Document en = built.html("en/litellm/both/index.html");
        assertEquals(List.of(
                        "zh https://example.org/kb/zh/litellm/both/",
                        "en https://example.org/kb/en/litellm/both/",
                        "x-default https://example.org/kb/zh/litellm/both/"),
                en.select("link[rel=alternate][hreflang]").stream()
                        .map(l -> l.attr("hreflang") + " " + l.attr("href")).toList());
        assertEquals("https://example.org/kb/en/litellm/both/", en.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("en", en.selectFirst("html").attr("lang"));
    }

    @Test
    void switcherGoesToTheCounterpartArticle() {
        Document zh = built.html("zh/litellm/both/index.html");
        assertEquals(List.of("/kb/zh/litellm/both/", "/kb/en/litellm/both/"), switcher(zh));
        assertEquals("中文", zh.selectFirst(".langs a[aria-current=page]").text());
    }

    @Test
    void missingLanguageShowsTheOriginalWithNoticeAndCanonical() {
        Document en = built.html("en/litellm/zh-only/index.html");
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertEquals("https://example.org/kb/zh/litellm/zh-only/", en.selectFirst("link[rel=canonical]").attr("href"));
        Element notice = en.selectFirst("p.notice");
        assertEquals("This article has not been translated into English yet; it is shown in its original language, 中文. Read the original page",
                notice.text());
        assertEquals("/kb/zh/litellm/zh-only/", notice.selectFirst("a").attr("href"));
        assertEquals("zh", en.selectFirst("article").attr("lang"));
        assertEquals("只有中文", en.selectFirst("article h1").text());
        // only real translations are alternates; with one language there is no hreflang cluster
        assertTrue(en.select("link[hreflang]").isEmpty());
    }

    @Test
    void switcherNeverLeadsToAMissingPage() {
        for (String page : built.htmlFiles()) {
            for (String href : switcher(built.html(page))) {
                String file = href.replaceFirst("^/kb/", "") + (href.endsWith("/") ? "index.html" : "");
                assertTrue(built.exists(file), page + " switches to missing " + href);
            }
        }
    }

    @Test
    void untranslatedArticleIsListedWithALanguageBadge() {
        Document enHome = built.html("en/index.html");
        Element card = enHome.select(".card").stream()
                .filter(c -> c.text().contains("只有中文")).findFirst().orElseThrow();
        assertEquals("中文", card.selectFirst(".badge").text());
        assertEquals("zh", card.selectFirst("h3 a").attr("hreflang"));
        assertEquals("h2", built.html("en/litellm/index.html").selectFirst(".card > :first-child").tagName());
    }

    @Test
    void sitemapPairsTranslationsAndLeavesOutFallbackPages() {
        String sitemap = built.file("sitemap.xml");
        assertTrue(sitemap.contains("""
                  <url>
                    <loc>https://example.org/kb/en/litellm/both/</loc>
                    <lastmod>2025-02-18</lastmod>
                    <xhtml:link rel="alternate" hreflang="zh" href="https://example.org/kb/zh/litellm/both/"/>
                    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/kb/en/litellm/both/"/>
                  </url>
                """), sitemap);
        assertTrue(sitemap.contains("<loc>https://example.org/kb/zh/litellm/zh-only/</loc>"));
        assertTrue(!sitemap.contains("<loc>https://example.org/kb/en/litellm/zh-only/</loc>"), sitemap);
    }

    @Test
    void feedsListOnlyArticlesWrittenInTheirLanguage() {
        String en = built.file("en/feed.xml");
        assertTrue(en.contains("<title>Both languages</title>"));
        assertTrue(!en.contains("只有中文"), en);
        assertTrue(built.file("zh/feed.xml").contains("<title>只有中文</title>"));
    }

    @Test
    void rootPageOffersEveryLanguageWithPlainLinks() {
        Document root = built.html("index.html");
        assertEquals(List.of("/kb/zh/", "/kb/en/"), root.select("a.choose").eachAttr("href"));
        assertTrue(root.select("script:not([src])").stream().anyMatch(s -> s.data().contains("navigator.languages")));
        assertTrue(built.exists("404.html") && built.exists(".nojekyll") && built.exists("robots.txt"));
    }

    private static List<String> switcher(Document page) {
        return page.select(".langs a").eachAttr("href");
    }
}
