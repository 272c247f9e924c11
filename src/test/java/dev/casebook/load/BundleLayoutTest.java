package dev.casebook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders under a section: an article needs an index file, but an empty folder (just made) is not a mistake yet. */
class BundleLayoutTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyFolderSaysNothingAndAFolderOfOtherFilesIsAWarning() throws IOException {
        TestSite site = TestSite.write(dir, TestSite.ONE_ARTICLE);
        // the watcher sees a new article's folder before its files: no warning comes and goes
        Files.createDirectories(dir.resolve("content/a/new-article"));
        assertEquals("", site.build().diagnostics());
        Files.writeString(dir.resolve("content/a/new-article/notes.txt"), "draft notes\n");
        assertEquals("content/a/new-article:1:1: warning[layout]: folder has no index.<lang>.md, so it is not an article",
                site.build().headlines());
    }
}
