package dev.casebook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontMatterTest {

    @TempDir
    Path dir;

    @Test
    void unknownKeyIsPositionedWithDidYouMean() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                tagz: [litellm]
                ---
                Body.
                """).build();
        assertEquals("""
                content/litellm/a/index.en.md:5:1: error[front-matter-unknown-key]: unknown key `tagz` in front matter
                  hint: did you mean `tags`?""", built.diagnostics());
        assertFalse(built.result().written());
    }

    @Test
    void duplicateKeysWrongTypesBadDatesAndMissingKeysAreAllReported() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                title: B
                date: 2025-02-30
                draft: maybe
                tags: {x: 1}
                ---
                Body.
                -- content/litellm/b/index.en.md --
                ---
                title: B
                summary: S
                date: 18.02.2025
                updated: 2024-01-01
                ---
                Body.
                """).build();
        assertEquals("""
                content/litellm/a/index.en.md:1:1: error[front-matter-missing]: front matter has no `summary`
                content/litellm/a/index.en.md:3:1: error[front-matter-duplicate-key]: duplicate key `title` in front matter
                content/litellm/a/index.en.md:4:7: error[front-matter-date]: `date` is not a real date: 2025-02-30
                content/litellm/a/index.en.md:5:8: error[front-matter-type]: `draft` must be true or false, found a string
                content/litellm/a/index.en.md:6:7: error[front-matter-type]: `tags` must be a list of strings, found a mapping
                content/litellm/b/index.en.md:4:7: error[front-matter-date]: `date` must be a date like 2025-02-18, not `18.02.2025`""",
                built.headlines());
    }

    @Test
    void languageNeutralFactsWrittenOnceApplyToBothAndConflictsAreErrors() {
        TestSite.Built ok = TestSite.write(dir.resolve("ok"), """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                tags: [litellm, ollama]
                ---
                Body.
                -- content/litellm/a/index.zh.md --
                ---
                title: 甲
                summary: 摘要
                date: 2025-02-18
                ---
                正文。
                """).build();
        assertEquals("", ok.diagnostics());
        assertTrue(ok.file("zh/litellm/a/index.html").contains("href=\"/zh/tags/ollama/\""));

        TestSite.Built conflict = TestSite.write(dir.resolve("conflict"), """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                tags: [litellm, ollama]
                ---
                Body.
                -- content/litellm/a/index.zh.md --
                ---
                title: 甲
                summary: 摘要
                date: 2025-02-18
                tags: [litellm]
                ---
                正文。
                """).build();
        assertEquals("""
                content/litellm/a/index.zh.md:5:1: error[front-matter-conflict]: `tags` differs from content/litellm/a/index.en.md:5:1 (en)
                  hint: tags, products, errors, verified_with and the environment keys hold for every language: write them once, or the same in each file""",
                conflict.diagnostics());
    }

    @Test
    void draftsArePublishedOnlyWhenAskedFor() {
        TestSite site = TestSite.write(dir, """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                draft: true
                ---
                Work in progress.
                -- content/litellm/b/index.en.md --
                ---
                title: B
                summary: S
                date: 2025-02-18
                ---
                Done.
                """);
        TestSite.Built normal = site.build();
        assertEquals("", normal.diagnostics());
        assertFalse(normal.exists("en/litellm/a/index.html"));
        assertTrue(normal.exists("en/litellm/b/index.html"));
        TestSite.Built drafts = site.build(new dev.casebook.pipeline.BuildOptions(site.root(), dir.resolve("drafts"),
                java.util.Optional.empty(), true, false));
        assertTrue(drafts.exists("en/litellm/a/index.html"));
    }

    @Test
    void fileWithoutFrontMatterIsAnError() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/litellm/a/index.en.md --
                # Just a heading
                """).build();
        assertEquals("content/litellm/a/index.en.md:1:1: error[front-matter-missing]: file does not start with YAML front matter between --- lines",
                built.headlines());
    }

    @Test
    void yamlSyntaxErrorInFrontMatterIsPositioned() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/litellm/a/index.en.md --
                ---
                title: "A
                summary: S
                ---
                """).build();
        assertTrue(built.headlines().startsWith("content/litellm/a/index.en.md:"), built.headlines());
        assertTrue(built.headlines().contains("error[yaml-syntax]"), built.headlines());
    }

    @Test
    void badTagNamesAreRejectedBecauseTheyBecomeUrls() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                tags: [Docker Network]
                ---
                """).build();
        assertEquals("content/litellm/a/index.en.md:5:7: error[front-matter-tag]: tag `Docker Network` is not lower-case ASCII kebab-case",
                built.headlines());
    }

    @Test
    void productIdsAreKebabCaseBecauseTheyBecomeUrlsToo() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                products: [litellm, Wren AI]
                ---
                """).build();
        assertEquals("content/litellm/a/index.en.md:5:11: error[front-matter-product]: product `Wren AI` is not lower-case ASCII kebab-case",
                built.headlines());
    }

    @Test
    void yamlTrapsInFrontMatterAreNamedWithTheFix() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/docker/a/index.zh.md --
                ---
                title: .env 陷阱：值里的 # 号
                summary: 注释 # 之后
                date: 2025-02-18 # first published
                draft: false # a comment after a boolean is fine
                products: [docker, no]
                errors:
                  - port is missing # cut
                  - "quoted # kept"
                ---
                正文。
                -- content/docker/b/index.en.md --
                ---
                title: Yes
                summary: Error: connection refused
                date: 2025-02-18
                ---
                Body.
                -- content/docker/c/index.en.md --
                ---
                title: C
                summary: S
                date: 2025-02-18
                tags:
                	- docker
                ---
                Body.
                """).build();
        assertEquals("""
                content/docker/a/index.zh.md:2:20: warning[front-matter-comment]: ` #` starts a YAML comment, so the value ends before it: `.env 陷阱：值里的`
                  hint: quote the value to keep the rest: ".env 陷阱：值里的 # 号", or put the comment on its own line
                content/docker/a/index.zh.md:3:13: warning[front-matter-comment]: ` #` starts a YAML comment, so the value ends before it: `注释`
                  hint: quote the value to keep the rest: "注释 # 之后", or put the comment on its own line
                content/docker/a/index.zh.md:6:20: warning[front-matter-boolean]: `no` in `products` is a boolean in YAML 1.1; it is kept as the text `no`
                  hint: quote it so every YAML reader agrees: "no"
                content/docker/a/index.zh.md:8:21: warning[front-matter-comment]: ` #` starts a YAML comment, so the value ends before it: `port is missing`
                  hint: quote the value to keep the rest: "port is missing # cut", or put the comment on its own line
                content/docker/b/index.en.md:3:15: error[yaml-syntax]: invalid YAML: ": " inside an unquoted value starts a new key
                  hint: quote the whole value: summary: "Error: connection refused"
                content/docker/c/index.en.md:6:1: error[yaml-syntax]: invalid YAML: a tab in the indentation
                  hint: YAML indents with spaces only: replace the tab with spaces""", built.diagnostics());
    }

    @Test
    void aBooleanTitleIsKeptAsWrittenWithAWarning() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/docker/b/index.en.md --
                ---
                title: Yes
                summary: S
                date: 2025-02-18
                ---
                Body.
                """).build();
        assertEquals("""
                content/docker/b/index.en.md:2:8: warning[front-matter-boolean]: `Yes` in `title` is a boolean in YAML 1.1; it is kept as the text `Yes`
                  hint: quote it so every YAML reader agrees: "Yes\"""", built.diagnostics());
        assertEquals("Yes", built.html("en/docker/b/index.html").select("h1").text());
    }
}
