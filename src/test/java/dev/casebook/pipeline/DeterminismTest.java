package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    @TempDir
    Path dir;

    /** Thirty articles in four sections, some translated, linking each other, with tags and snippets. */
    private static String site() {
        StringBuilder spec = new StringBuilder("-- content/_site.yaml --\nbase_url: https://example.org/\nlanguages: [en, zh]\n");
        for (int i = 0; i < 30; i++) {
            spec.append("-- content/s").append(i % 4).append("/a").append(i).append("/index.en.md --\n---\ntitle: A").append(i)
                    .append("\nsummary: S\ndate: 2025-01-").append(String.format(java.util.Locale.ROOT, "%02d", 1 + i % 5))
                    .append("\ntags: [t").append(i % 3).append(", shared]\n---\n## H\n[next](../../s").append((i + 1) % 30 % 4)
                    .append("/a").append((i + 1) % 30).append("/index.en.md)\n");
            if (i % 2 == 0) {
                spec.append("-- content/s").append(i % 4).append("/a").append(i).append("/index.zh.md --\n---\ntitle: 甲")
                        .append(i).append("\nsummary: 摘要\ndate: 2025-01-01\n---\n正文\n");
            }
        }
        return spec.toString();
    }

    private static void assertSameTrees(TestSite.Built first, TestSite.Built second) throws IOException {
        assertEquals("", first.diagnostics());
        assertEquals(first.files(), second.files());
        for (String f : first.files()) {
            assertArrayEquals(Files.readAllBytes(first.out().resolve(f)), Files.readAllBytes(second.out().resolve(f)), f);
        }
    }

    @Test
    void aParallelBuildAndASingleThreadedBuildGiveByteIdenticalTrees() throws Exception {
        TestSite site = TestSite.write(dir, site());
        TestSite.Built parallel = site.build(BuildOptions.of(site.root(), dir.resolve("parallel")));
        // every parallel stream of the build runs in the pool it is started from: one thread here
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            TestSite.Built single = one.submit(() -> site.build(BuildOptions.of(site.root(), dir.resolve("single")))).get();
            assertSameTrees(parallel, single);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void twoBuildsGiveByteIdenticalTrees() throws IOException {
        TestSite site = TestSite.write(dir, site());
        TestSite.Built first = site.build(BuildOptions.of(site.root(), dir.resolve("one")));
        TestSite.Built second = site.build(BuildOptions.of(site.root(), dir.resolve("two")));
        assertSameTrees(first, second);
    }
}
