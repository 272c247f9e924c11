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
}
