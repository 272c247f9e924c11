package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        // One shares E1 with Two (3) and E2 with Four (3); litellm, on three of the four articles, is not
        // distinctive, so Three shares nothing with One
        assertEquals(List.of("Four", "Two"), built.html("en/a/one/index.html").select(".related li").eachText());
        assertEquals(List.of(), built.html("en/a/three/index.html").select(".related li").eachText());
        assertEquals(List.of("/en/errors/"), built.html("en/a/one/index.html").select("footer a[href$=/errors/]").eachAttr("href"));
    }

    @Test
    void relatedArticlesAreTheFourHighestScoresWithTiesGoingToTheSmallerId() {
        StringBuilder spec = new StringBuilder("-- content/_site.yaml --\nlanguages: [en]\n");
        spec.append("-- content/a/x/index.en.md --\n---\ntitle: X\nsummary: S\ndate: 2025-02-01\nerrors: [\"E\"]\n"
                + "products: [litellm]\n---\nBody.\n");
        // six articles share the error (3 each); b6 also shares the product (4); b7 only the product (1)
        for (int i = 7; i >= 1; i--) {
            spec.append("-- content/a/b").append(i).append("/index.en.md --\n---\ntitle: B").append(i)
                    .append("\nsummary: S\ndate: 2025-02-01\n").append(i == 7 ? "" : "errors: [\"E\"]\n")
                    .append(i >= 6 ? "products: [litellm]\n" : "").append("---\nBody.\n");
        }
        TestSite.Built built = TestSite.write(dir, spec.toString()).build();
        assertEquals("", built.diagnostics());
        // chosen: B6 (4), then B1, B2, B3 (3, smallest ids); listed like every card list: newest, then by id
        assertEquals(List.of("B1", "B2", "B3", "B6"), built.html("en/a/x/index.html").select(".related li").eachText());
        assertEquals(List.of("B2", "B3", "B4", "B5"), built.html("en/a/b1/index.html").select(".related li").eachText());
    }

    /**
     * With no error or rule in common, two distinctive tags or products make a relation; a tag that
     * half the articles have makes none, and one alone is too little.
     */
    @Test
    void distinctiveTagsAndProductsRelateArticles() {
        StringBuilder spec = new StringBuilder("-- content/_site.yaml --\nlanguages: [en]\n");
        String[][] articles = {
            {"a", "[common, ollama]", "[ollama]"},
            {"b", "[common, ollama]", "[ollama]"},     // a and b: tag + product ollama = 2
            {"c", "[common, embeddings]", "[]"},
            {"d", "[common, embeddings]", "[]"},       // c and d: one tag = 1, too little
            {"e", "[docker]", "[]"},
            {"f", "[docker, compose]", "[]"},
            {"g", "[docker, compose]", "[]"},          // f and g: 2; e: 1 with each
            {"h", "[]", "[]"},
        };
        for (String[] a : articles) {
            spec.append("-- content/s/").append(a[0]).append("/index.en.md --\n---\ntitle: ").append(a[0].toUpperCase(java.util.Locale.ROOT))
                    .append("\nsummary: S\ndate: 2025-02-01\ntags: ").append(a[1]).append("\nproducts: ").append(a[2]).append("\n---\nBody.\n");
        }
        TestSite.Built built = TestSite.write(dir, spec.toString()).build();
        assertEquals("", built.diagnostics());
        Map<String, List<String>> related = new java.util.TreeMap<>();
        for (String[] a : articles) {
            related.put(a[0], built.html("en/s/" + a[0] + "/index.html").select(".related li").eachText());
        }
        assertEquals(Map.of("a", List.of("B"), "b", List.of("A"), "c", List.of(), "d", List.of(), "e", List.of(),
                "f", List.of("G"), "g", List.of("F"), "h", List.of()), related);
    }

    @Test
    void eachProductHasAPageWithItsArticlesErrorsAndRules() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [en, zh]
                rule_packs: [litellm-wrenai-ollama]
                products:
                  litellm: LiteLLM
                  wrenai: {en: WrenAI, zh: WrenAI 服务}
                -- content/litellm/key/index.en.md --
                ---
                title: Missing key
                summary: S
                date: 2025-01-02
                errors: ["OPENAI_API_KEY", "AuthenticationError"]
                products: [litellm, wrenai]
                ---
                ```yaml file=config.yaml expect=LLM001
                type: llm
                provider: litellm_llm
                models:
                  - model: openai/x
                    api_base: http://ollama:11434/v1
                    kwargs: {}
                ```

                ```dotenv file=.env
                OTHER=1
                ```
                -- content/litellm/key/index.zh.md --
                ---
                title: 缺少密钥
                summary: 摘要
                date: 2025-01-02
                ---
                正文。
                -- content/ollama/port/index.en.md --
                ---
                title: Port refused
                summary: S
                date: 2025-01-03
                errors: ["connection refused"]
                products: [ollama, litellm]
                ---
                Body.
                """).build();
        assertEquals("", built.diagnostics());
        var litellm = built.html("en/products/litellm/index.html");
        assertEquals("LiteLLM", litellm.select("main h1").text());
        assertEquals(List.of("Port refused", "Missing key"), litellm.select("main .card h3").eachText());
        // errors sorted, each linking to its entry on the error index
        assertEquals(List.of("AuthenticationError", "OPENAI_API_KEY", "connection refused"), litellm.select("main ul.errors li").eachText());
        assertEquals(List.of("/en/errors/#error-1", "/en/errors/#error-2", "/en/errors/#error-3"),
                litellm.select("main ul.errors a").eachAttr("href"));
        assertEquals(List.of("AuthenticationError", "OPENAI_API_KEY", "connection refused"),
                built.html("en/errors/index.html").select("dt[id^=error-]").eachText());
        assertEquals(List.of("error-1", "error-2", "error-3"), built.html("en/errors/index.html").select("dt[id^=error-]").eachAttr("id"));
        assertEquals(List.of("/en/rules/LLM001/"), litellm.select("main .rule-list a").eachAttr("href"));
        // a product without a display name shows its id; names can differ per language
        assertEquals("ollama", built.html("en/products/ollama/index.html").select("main h1").text());
        assertEquals("WrenAI 服务", built.html("zh/products/wrenai/index.html").select("main h1").text());
        assertEquals(List.of("缺少密钥"), built.html("zh/products/wrenai/index.html").select("main .card h3").eachText());
        assertEquals(List.of("LiteLLM 2", "ollama 1", "WrenAI 1"),
                built.html("en/products/index.html").select("main .product-list li").eachText());
        // the facts box of an article links each product to its page
        assertEquals(List.of("/zh/products/litellm/", "/zh/products/wrenai/"),
                built.html("zh/litellm/key/index.html").select(".facts a.product").eachAttr("href"));
    }

    @Test
    void theHeaderOfAnArticleLinksToItsFixAndListsVersionsOnOneLine() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [en, zh]
                -- content/docker/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                verified_with: {ollama: "0.5.x", litellm: "1.61.x"}
                ---
                ## Symptoms
                ## Fix `now`
                ## Fix
                -- content/docker/a/index.zh.md --
                ---
                title: 甲
                summary: 摘要
                date: 2025-02-18
                ---
                ## 现象
                ## 解决方法
                -- content/docker/b/index.en.md --
                ---
                title: B
                summary: S
                date: 2025-02-19
                ---
                ## Cause
                -- content/docker/c/index.en.md --
                ---
                title: C
                summary: S
                date: 2025-02-20
                ---
                ## Fix
                """).build();
        assertEquals("", built.diagnostics());
        assertEquals(List.of("#fix"), built.html("en/docker/a/index.html").select("header .jump a").eachAttr("href"));
        assertEquals("Jump to the fix ↓", built.html("en/docker/a/index.html").select("header .jump a").text());
        assertEquals(List.of("#解决方法"), built.html("zh/docker/a/index.html").select("header .jump a").eachAttr("href"));
        assertEquals(List.of(), built.html("en/docker/b/index.html").select(".jump").eachText());
        // an untranslated page shows the English text: its fix heading is found, the link speaks the page's language
        assertEquals(List.of("直接看解决方法 ↓"), built.html("zh/docker/c/index.html").select("header .jump a").eachText());
        assertEquals(List.of("#fix"), built.html("zh/docker/c/index.html").select("header .jump a").eachAttr("href"));
        assertEquals("Verified with: litellm 1.61.x, ollama 0.5.x", built.html("en/docker/a/index.html").select(".facts .versions").text());
    }

    @Test
    void anUpdateOnThePublicationDayIsNotShownAndALaterOneIs() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/docker/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                updated: 2025-02-18
                ---
                Text.
                -- content/docker/b/index.en.md --
                ---
                title: B
                summary: S
                date: 2025-02-18
                updated: 2025-03-01
                ---
                Text.
                """).build();
        assertEquals("", built.diagnostics());
        assertEquals(List.of("2025-02-18"), built.html("en/docker/a/index.html").select("header .meta time").eachAttr("datetime"));
        assertEquals(List.of("2025-02-18", "2025-03-01"), built.html("en/docker/b/index.html").select("header .meta time").eachAttr("datetime"));
    }
}
