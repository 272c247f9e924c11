package dev.casebook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's `require:` is checked on every published article, as warnings a writer sees in check and serve. */
class RequirementsTest {

    @TempDir
    Path dir;

    @Test
    void eachMissingRequirementIsAWarningAtItsFile() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [en, zh]
                require: [errors, tags, code, source]
                -- content/docker/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                tags: [docker]
                ---
                ## Fix

                ```text
                Error: port is already allocated
                ```
                -- content/docker/a/index.zh.md --
                ---
                title: 甲
                summary: 乙
                date: 2025-02-18
                ---
                ## 解决方法

                见 [Docker 文档](https://docs.docker.com/engine/network/)。
                -- content/docker/b/index.en.md --
                ---
                title: B
                summary: S
                date: 2025-02-19
                draft: true
                ---
                A draft is not held to the site's requirements.
                """).build();
        assertEquals("""
                content/docker/a/index.en.md:1:1: warning[missing-required]: `errors` is missing, and content/_site.yaml \
                requires it of every article (`require:`)
                content/docker/a/index.en.md:1:1: warning[missing-required]: no link to a source outside the site, and \
                content/_site.yaml requires one in every article (`require: [source]`)
                content/docker/a/index.zh.md:1:1: warning[missing-required]: no code block, and content/_site.yaml requires \
                one in every article (`require: [code]`)""", built.headlines());
    }

    @Test
    void anUnknownRequirementIsAConfigErrorWithASuggestion() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [en]
                require: [errros]
                -- content/docker/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                ---
                Text.
                """).build();
        assertEquals("content/_site.yaml:2:10: error[config-value]: `errros` is not something an article can be required to have",
                built.headlines());
        assertEquals(false, built.result().written());
    }
}
