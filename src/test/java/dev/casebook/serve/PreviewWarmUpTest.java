package dev.casebook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.content.Output;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After its first build the preview runs the edit path on an unchanged article before the first
 * save: nothing of that is published or logged, and the writer's first save is served as usual.
 */
class PreviewWarmUpTest {

    @TempDir
    Path dir;
    private Preview preview;

    @AfterEach
    void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    private String page(String path) {
        Output page = preview.state().files().get(path);
        return new String(page instanceof Output.Lazy lazy ? lazy.content().get() : ((Output.Bytes) page).content(),
                StandardCharsets.UTF_8);
    }

    @Test
    void theWarmUpPublishesNothingAndTheFirstSaveIsServed() throws IOException, InterruptedException {
        TestSite.write(dir, """
                -- content/setup/first-run/index.en.md --
                ---
                title: The first run asks for a token
                summary: Paste the token from the settings page.
                date: 2025-03-02
                ---
                The first text.
                """);
        StringWriter log = new StringWriter();
        preview = new Preview(BuildOptions.of(dir, dir.resolve("out")), new PrintWriter(log));
        preview.start();
        Thread.sleep(500); // the warm-up's three rebuilds of a one-article site are long done
        assertEquals(1, preview.state().version(), "the warm-up publishes no version");
        assertEquals(0, log.toString().split("rebuilt after", -1).length - 1, "nor logs a rebuild");

        Path article = dir.resolve("content/setup/first-run/index.en.md");
        Files.writeString(article, Files.readString(article).replace("The first text.", "The saved text."));
        preview.rebuild(Set.of(article));
        PreviewVersions.awaitAfter(preview, 1);
        assertEquals(2, preview.state().version(), "one save, one version");
        assertTrue(page("en/setup/first-run/index.html").contains("The saved text."), "the save is served");
        // the new version is served before its line is logged: wait for the line, then count
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!log.toString().contains("rebuilt after")) {
            assertTrue(System.nanoTime() < deadline, "the rebuild is never logged");
            Thread.sleep(5);
        }
        assertEquals(1, log.toString().split("rebuilt after", -1).length - 1, "one rebuild logged");
    }
}
