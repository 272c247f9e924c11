package dev.casebook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.content.Output;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.testing.SearchIndexFiles;
import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's search follows an edit, and serves the last index meanwhile: search never goes missing after a save. */
class PreviewSearchTest {

    @TempDir
    Path dir;
    private Preview preview;

    @AfterEach
    void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    /** The search index the preview serves now, read back. */
    private SearchIndexFiles index() {
        Map<String, String> files = new TreeMap<>();
        preview.state().files().forEach((path, output) -> {
            if (path.startsWith("search/") && output instanceof Output.Bytes b) {
                files.put(path, new String(b.content(), StandardCharsets.ISO_8859_1));
            }
        });
        return SearchIndexFiles.of(files);
    }

    private void await(String what, Predicate<SearchIndexFiles> done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!done.test(index())) {
            assertTrue(System.nanoTime() < deadline, "the preview's index never " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void anEditedWordIsFoundAfterTheSaveAndTheLastIndexIsServedMeanwhile() throws IOException, InterruptedException {
        TestSite.write(dir, """
                -- content/kb/a/index.en.md --
                ---
                title: Proxy rejects the key
                summary: The proxy answers 401.
                date: 2025-02-18
                ---
                The quokka variable is read too early.
                -- content/kb/b/index.en.md --
                ---
                title: Connection refused
                summary: localhost is the container.
                date: 2025-02-19
                ---
                Use the host's name.
                """);
        preview = new Preview(BuildOptions.of(dir, dir.resolve("out")), new PrintWriter(new StringWriter()));
        preview.start();
        await("was built", i -> i.postings().containsKey("quokka"));

        Path article = dir.resolve("content/kb/a/index.en.md");
        Files.writeString(article, Files.readString(article).replace("quokka", "zanzibarite"));
        long before = preview.state().version();
        preview.rebuild(Set.of(article));
        PreviewVersions.awaitAfter(preview, before);
        // the page is rebuilt; the search is still there, as it was, until the index follows
        assertTrue(preview.state().files().containsKey("search/search.js"), "search.js is served between the save and the index");
        assertFalse(index().postings().isEmpty(), "the last index is served meanwhile");

        await("followed the edit", i -> i.postings().containsKey("zanzibarite"));
        SearchIndexFiles followed = index();
        assertEquals("1 [0]", followed.postings().get("zanzibarite"), "the new word finds article a (id 0)");
        assertFalse(followed.postings().containsKey("quokka"), "the removed word is gone");
    }
}
