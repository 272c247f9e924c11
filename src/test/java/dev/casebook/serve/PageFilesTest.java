package dev.casebook.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.casebook.content.Output;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preview finds each file by path, from one rebuild to the next, whether the paths changed or not. */
class PageFilesTest {

    private static Output file(String path, String text) {
        return new Output.Bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Output o) {
        return new String(((Output.Bytes) o).content(), StandardCharsets.UTF_8);
    }

    @Test
    void aRebuildWithTheSamePathsServesItsOwnFiles() {
        Preview.PageFiles first = Preview.PageFiles.of(List.of(file("en/a/index.html", "a1"), file("en/b/index.html", "b1")), null);
        Output a2 = file("en/a/index.html", "a2");
        Preview.PageFiles second = Preview.PageFiles.of(List.of(a2, file("en/b/index.html", "b2")), first);
        assertSame(a2, second.get("en/a/index.html"));
        assertArrayEquals(new String[] {"b1", "b2"},
                new String[] {text(first.get("en/b/index.html")), text(second.get("en/b/index.html"))});
        assertNull(second.get("en/c/index.html"));
    }

    @Test
    void aRebuildThatAddsOrMovesAFileIsPlacedAnew() {
        Preview.PageFiles first = Preview.PageFiles.of(List.of(file("en/a/index.html", "a"), file("en/b/index.html", "b")), null);
        // same number of files, one path changed: the places of the first list no longer hold
        Preview.PageFiles moved = Preview.PageFiles.of(List.of(file("en/c/index.html", "c"), file("en/b/index.html", "b")), first);
        assertNull(moved.get("en/a/index.html"));
        assertArrayEquals(new String[] {"c", "b"}, new String[] {text(moved.get("en/c/index.html")), text(moved.get("en/b/index.html"))});
        Preview.PageFiles added = Preview.PageFiles.of(List.of(file("en/a/index.html", "a"), file("en/d/index.html", "d"),
                file("en/b/index.html", "b")), moved);
        assertArrayEquals(new String[] {"a", "d", "b"}, new String[] {text(added.get("en/a/index.html")),
                text(added.get("en/d/index.html")), text(added.get("en/b/index.html"))});
    }

    @Test
    void aPathListedTwiceIsServedAsItsLastFileAsABuildWritesIt() {
        Preview.PageFiles twice = Preview.PageFiles.of(List.of(file("robots.txt", "first"), file("robots.txt", "last")), null);
        assertArrayEquals(new String[] {"last"}, new String[] {text(twice.get("robots.txt"))});
    }
}
