package dev.casebook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkTest {

    @TempDir
    Path dir;

    private static final String TARGET = """
            -- content/ollama/target/index.en.md --
            ---
            title: Target
            summary: S
            date: 2025-01-01
            ---
            ## Fix it
            Text.
            -- content/ollama/target/index.zh.md --
            ---
            title: 目标
            summary: 摘要
            date: 2025-01-01
            ---
            ## 解决方法
            正文。
            -- content/ollama/target/diagram.txt --
            a file of the bundle
            """;

    @Test
    void relativeMarkdownLinksBecomePageUrls() {
        TestSite.Built built = TestSite.write(dir, TARGET + """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                ---
                [file](../../ollama/target/index.en.md), [other language](../../ollama/target/index.zh.md),
                [folder](../../ollama/target/), [anchor](../../ollama/target/index.en.md#fix-it),
                [bundle file](../../ollama/target/diagram.txt), [section](../../ollama/), [web](https://example.com/x),
                [root](/en/tags/)
                """).build();
        assertEquals("", built.diagnostics());
        assertEquals(List.of("/en/ollama/target/", "/zh/ollama/target/", "/en/ollama/target/",
                        "/en/ollama/target/#fix-it", "/en/ollama/target/diagram.txt", "/en/ollama/", "https://example.com/x",
                        "/en/tags/"),
                built.html("en/litellm/a/index.html").select(".prose a").eachAttr("href"));
        assertEquals("a file of the bundle\n", built.file("en/ollama/target/diagram.txt"));
        assertEquals("a file of the bundle\n", built.file("zh/ollama/target/diagram.txt"));
    }

    @Test
    void brokenLinksAreErrorsWithTheirPosition() {
        TestSite.Built built = TestSite.write(dir, TARGET + """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                ---
                Intro line.

                See [the target](../../ollama/targt/index.en.md) and ![x](missing.png)
                and [outside](../../../pom.xml).
                """).build();
        assertEquals("""
                content/litellm/a/index.en.md:8:18: error[broken-link]: broken link `../../ollama/targt/index.en.md`: no article at content/ollama/targt
                  hint: did you mean content/ollama/target/? link to another article as ../../<section>/<slug>/index.<lang>.md (drafts are not published)
                content/litellm/a/index.en.md:8:59: error[broken-link]: broken link `missing.png`: no file content/litellm/a/missing.png
                  hint: put the file in the article's folder, or fix the path (it is relative to the Markdown file)
                content/litellm/a/index.en.md:9:15: error[broken-link]: link `../../../pom.xml` leaves the content folder
                  hint: link to articles as ../../<section>/<slug>/index.en.md""", built.diagnostics());
    }

    @Test
    void linkToATranslationThatDoesNotExistIsBroken() {
        TestSite.Built built = TestSite.write(dir, TARGET.replaceAll("(?s)-- content/ollama/target/index.zh.md --.*?正文。\n", "") + """
                -- content/litellm/a/index.zh.md --
                ---
                title: 甲
                summary: 摘要
                date: 2025-02-18
                ---
                [目标](../../ollama/target/index.zh.md)
                """).build();
        assertEquals("""
                content/litellm/a/index.zh.md:6:6: error[broken-link]: broken link `../../ollama/target/index.zh.md`: content/ollama/target has no index.zh.md
                  hint: link to the folder (../../ollama/target/) to reach the page in the reader's language""", built.diagnostics());
    }

    @Test
    void missingAnchorIsAWarningWithSuggestion() {
        TestSite.Built built = TestSite.write(dir, TARGET + """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                ---
                [anchor](../../ollama/target/index.en.md#fix-itt)
                """).build();
        assertEquals("""
                content/litellm/a/index.en.md:6:10: warning[broken-anchor]: no heading `#fix-itt` in content/ollama/target/index.en.md
                  hint: did you mean `fix-it`?""", built.diagnostics());
    }

    @Test
    void sameAnchorsAreCheckedAgainstThePagesOwnHeadings() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                ---
                ## Fix it {#fix}
                ## Concatenating with + or format!
                [ok](#fix), [ok](#concatenating-with--or-format), [nope](#nope), [typo](#fixx)
                -- content/litellm/a/index.zh.md --
                ---
                title: 甲
                summary: 摘要
                date: 2025-02-18
                ---
                ## 故障排除（Troubleshooting）
                [好](#故障排除troubleshooting)，[坏](#不存在)，[编码](#%E6%95%85%E9%9A%9C%E6%8E%92%E9%99%A4troubleshooting)
                """).build();
        assertEquals("""
                content/litellm/a/index.en.md:8:58: warning[broken-anchor]: no heading `#nope` in this page
                  hint: allowed: concatenating-with--or-format, fix
                content/litellm/a/index.en.md:8:73: warning[broken-anchor]: no heading `#fixx` in this page
                  hint: did you mean `fix`?
                content/litellm/a/index.zh.md:7:31: warning[broken-anchor]: no heading `#不存在` in this page
                  hint: allowed: 故障排除troubleshooting""", built.diagnostics());
        assertEquals(List.of("#fix", "#concatenating-with--or-format", "#nope", "#fixx"),
                built.html("en/litellm/a/index.html").select(".prose p a").eachAttr("href"));
    }

    @Test
    void unsafeSchemesAreDroppedWithAWarning() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                ---
                [click](javascript:alert(1)) ![img](data:image/png;base64,AAAA)
                """).build();
        assertEquals("""
                content/litellm/a/index.en.md:6:9: warning[unsafe-link]: link with scheme `javascript:` removed
                  hint: only http:, https:, mailto: and links inside the site are kept
                content/litellm/a/index.en.md:6:37: warning[unsafe-link]: link with scheme `data:` removed
                  hint: only http:, https:, mailto: and links inside the site are kept""", built.diagnostics());
        String html = built.file("en/litellm/a/index.html");
        assertEquals(-1, html.indexOf("javascript:"));
        assertEquals(-1, html.indexOf("data:image"));
        assertTrue(html.contains("<p><a>click</a> </p>"), html);
    }
}
