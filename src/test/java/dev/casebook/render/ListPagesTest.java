package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section and tag pages list each article once, newest first, from the renderer's indexes. */
class ListPagesTest {

    @TempDir
    Path dir;

    @Test
    void aTagWrittenTwiceListsTheArticleOnce() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/docker/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                tags: [docker, docker, compose]
                ---
                Body.
                -- content/docker/b/index.en.md --
                ---
                title: B
                summary: S
                date: 2025-02-19
                tags: [docker]
                ---
                Body.
                -- content/ollama/c/index.en.md --
                ---
                title: C
                summary: S
                date: 2025-02-20
                ---
                Body.
                """).build();
        assertEquals("", built.diagnostics());
        assertEquals(List.of("B", "A"), built.html("en/tags/docker/index.html").select("main h2").eachText());
        assertEquals(List.of("A"), built.html("en/tags/compose/index.html").select("main h2").eachText());
        assertEquals(List.of("B", "A"), built.html("en/docker/index.html").select("main h2").eachText());
        assertEquals(List.of("C"), built.html("en/ollama/index.html").select("main h2").eachText());
    }

    @Test
    void articlesLinkTheirHeadingsAndTheirNeighboursInTheSection() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [en, zh]
                -- content/docker/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                ---
                ## Cause & effect
                ### 原因
                -- content/docker/b/index.en.md --
                ---
                title: B
                summary: S
                date: 2025-02-19
                ---
                Body.
                -- content/docker/c/index.en.md --
                ---
                title: C
                summary: S
                date: 2025-02-17
                ---
                Body.
                -- content/docker/c/index.zh.md --
                ---
                title: 丙
                summary: 摘要
                date: 2025-02-17
                ---
                正文。
                """).build();
        assertEquals("", built.diagnostics());
        var a = built.html("en/docker/a/index.html");
        assertEquals(List.of("#cause--effect", "#原因"), a.select(".prose a.anchor").eachAttr("href"));
        assertEquals(List.of("Link to this section", "Link to this section"), a.select(".prose a.anchor").eachAttr("aria-label"));
        // the section page lists B, A, C (newest first): A's neighbours are B and C
        assertEquals(List.of("/en/docker/b/", "/en/docker/c/"), a.select("nav.pager a").eachAttr("href"));
        assertEquals(List.of("Previous B", "Next C"), a.select("nav.pager a").eachText());
        assertEquals(List.of("/en/docker/a/"), built.html("en/docker/b/index.html").select("nav.pager a").eachAttr("href"));
        var zh = built.html("zh/docker/c/index.html");
        assertEquals(List.of("上一篇 A"), zh.select("nav.pager a").eachText());
        assertEquals("本节链接", built.html("zh/docker/a/index.html").select(".prose a.anchor").first().attr("aria-label"));
    }

    @Test
    void theErrorIndexAndRelatedArticlesComeFromSharedErrorsRulesAndProducts() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [en, zh]
                -- content/a/one/index.en.md --
                ---
                title: One
                summary: S
                date: 2025-02-01
                errors: ["E1", "E2"]
                products: [litellm]
                ---
                Body.
                -- content/a/two/index.en.md --
                ---
                title: Two
                summary: S
                date: 2025-02-02
                errors: ["E1"]
                ---
                Body.
                -- content/a/three/index.en.md --
                ---
                title: Three
                summary: S
                date: 2025-02-03
                products: [litellm, wrenai]
                ---
                Body.
                -- content/a/three/index.zh.md --
                ---
                title: 三
                summary: 摘要
                date: 2025-02-03
                ---
                正文。
                -- content/a/four/index.en.md --
                ---
                title: Four
                summary: S
                date: 2025-02-04
                errors: ["E2"]
                products: [litellm]
                ---
                Body.
                """).build();
        assertEquals("", built.diagnostics());
        var index = built.html("zh/errors/index.html");
        assertEquals(List.of("E1", "E2"), index.select("dl.error-index dt").eachText());
        // newest first; an English article on the Chinese index says its language
        assertEquals(List.of("Two English One English", "Four English One English"), index.select("dl.error-index dd").eachText());
        // One shares E1 with Two (3), E2 and litellm with Four (4), litellm with Three (1: too little)
        assertEquals(List.of("Four", "Two"), built.html("en/a/one/index.html").select(".related li").eachText());
        assertEquals(List.of(), built.html("en/a/three/index.html").select(".related li").eachText());
        assertEquals(List.of("/en/errors/"), built.html("en/a/one/index.html").select("footer a[href$=/errors/]").eachAttr("href"));
    }
}
