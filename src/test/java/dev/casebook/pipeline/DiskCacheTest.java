package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.casebook.content.Document;
import dev.casebook.content.Translation;
import dev.casebook.parse.MarkdownParser;
import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --cache DIR}: the parsed documents of one build, read back by the next instead of parsing again. */
class DiskCacheTest {

    @TempDir
    Path dir;

    private static final Map<String, String> TITLES = Map.of("note", "Note", "warning", "Careful", "tip", "Tip");

    /** Two articles with everything a document holds: headings, links, images, snippets, tabs, callouts, a problem. */
    private static final String SITE = """
            -- content/_site.yaml --
            languages: [en, zh]
            -- content/a/first/index.en.md --
            ---
            title: First
            summary: S
            date: 2025-02-18
            ---
            ## Set the key {#key}

            > [!WARNING]
            > Read [the second](../second/index.en.md) and see ![a plan](plan.png).

            === "macOS" {host_os=mac}

                ```yaml file=config.yaml group=fix nocheck
                model: ollama/llama3
                ```

            === "Linux"

                ```env nocheck
                KEY=value
                ```

            ### 中文 and more
            -- content/a/first/plan.png --
            not really a picture
            -- content/a/first/index.zh.md --
            ---
            title: 第一
            summary: 摘要
            date: 2025-02-18
            ---
            ## 设置密钥

            正文，[第二篇](../second/index.zh.md)。
            -- content/a/second/index.en.md --
            ---
            title: Second
            summary: S
            date: 2025-02-18
            ---
            Text.
            -- content/a/second/index.zh.md --
            ---
            title: 第二
            summary: 摘要
            date: 2025-02-18
            ---
            正文。
            """;

    private List<Translation> translations(TestSite site) {
        return new SiteBuild().source(BuildOptions.of(site.root(), dir.resolve("out"))).value().articles().stream()
                .flatMap(a -> a.translations().stream()).toList();
    }

    private static Translation withBody(Translation t, String body) {
        return new Translation(t.lang(), t.path(), t.title(), t.summary(), t.date(), t.updated(), t.draft(), body, t.bodyLine(),
                t.revision(), t.translatedFrom());
    }

    @Test
    void aDocumentReadFromTheFileEqualsTheOneParsed() {
        TestSite site = TestSite.write(dir.resolve("site"), SITE);
        MarkdownParser parser = new MarkdownParser();
        List<Translation> all = translations(site);
        Path cacheDir = dir.resolve("cache");
        DiskCache first = DiskCache.open(cacheDir);
        Map<String, Document> parsed = new LinkedHashMap<>();
        for (Translation t : all) {
            parsed.put(t.path(), first.parse(t, TITLES, () -> parser.parse(t, TITLES)));
        }
        // and one beyond the limits: a document with a problem and nothing else
        Translation deep = withBody(all.get(2), "> ".repeat(40) + "deep\n");
        Document unreadable = first.parse(deep, TITLES, () -> parser.parse(deep, TITLES));
        assertEquals(1, unreadable.problems().size());
        assertEquals("cache " + cacheDir + ": 0 of 5 translations read from it, 5 parsed", first.note(false));
        first.save(false);

        DiskCache second = DiskCache.open(cacheDir);
        for (Translation t : all) {
            Document read = second.parse(t, TITLES, () -> fail("parsed again: " + t.path()));
            assertEquals(parsed.get(t.path()), read, t.path());
        }
        assertEquals(unreadable, second.parse(deep, TITLES, () -> fail("parsed again")));
        Document first0 = parsed.get(all.get(0).path());
        assertEquals(2, first0.snippets().size(), "the test covers snippets in tabs");
        assertTrue(first0.snippets().get(0).tab().isPresent());
        assertEquals(2, first0.links().size(), "the test covers a link and an image");
        assertEquals("cache " + cacheDir + ": 5 of 5 translations read from it, 0 parsed", second.note(false));
    }

    @Test
    void aDocumentIsParsedAgainWhenAnythingItWasParsedFromChanged() {
        TestSite site = TestSite.write(dir.resolve("site"), SITE);
        MarkdownParser parser = new MarkdownParser();
        Translation t = translations(site).get(2);
        Path cacheDir = dir.resolve("cache");
        DiskCache first = DiskCache.open(cacheDir);
        first.parse(t, TITLES, () -> parser.parse(t, TITLES));
        first.save(false);
        int[] parses = {0};
        DiskCache second = DiskCache.open(cacheDir);
        second.parse(withBody(t, t.body() + "More.\n"), TITLES, () -> {
            parses[0]++;
            return parser.parse(t, TITLES);
        });
        second.parse(t, Map.of("note", "Hinweis"), () -> {
            parses[0]++;
            return parser.parse(t, TITLES);
        });
        second.parse(t, TITLES, () -> fail("the same translation parsed again"));
        assertEquals(2, parses[0], "a changed body and changed callout titles are each parsed again");
    }

    @Test
    void aSecondBuildParsesOnlyWhatChangedAndWritesTheSameSite() throws IOException {
        TestSite site = TestSite.write(dir.resolve("site"), SITE.replace("model: ollama/llama3", "model_list: []"));
        Path cacheDir = dir.resolve("cache");
        TestSite.Built plain = site.build(BuildOptions.of(site.root(), dir.resolve("plain")));
        TestSite.Built cold = site.build(BuildOptions.of(site.root(), dir.resolve("cold")).withCache(cacheDir));
        TestSite.Built warm = site.build(BuildOptions.of(site.root(), dir.resolve("warm")).withCache(cacheDir));
        assertEquals("", plain.diagnostics());
        assertEquals("cache " + cacheDir + ": 0 of 4 translations read from it, 4 parsed; the words of 0 of 4 search documents read from it", cold.result().notes().get(1));
        assertEquals("cache " + cacheDir + ": 4 of 4 translations read from it, 0 parsed; the words of 4 of 4 search documents read from it", warm.result().notes().get(1));
        assertEquals(plain.files(), warm.files());
        for (String f : plain.files()) {
            assertArrayEquals(Files.readAllBytes(plain.out().resolve(f)), Files.readAllBytes(warm.out().resolve(f)), f);
        }
        byte[] saved = Files.readAllBytes(cacheDir.resolve(DiskCache.PARSED));
        byte[] savedTerms = Files.readAllBytes(cacheDir.resolve(DiskCache.TERMS));

        Path second = site.root().resolve("content/a/second/index.en.md");
        Files.writeString(second, Files.readString(second).replace("Text.", "Edited text."));
        TestSite.Built edited = site.build(BuildOptions.of(site.root(), dir.resolve("edited")).withCache(cacheDir));
        assertEquals("cache " + cacheDir + ": 3 of 4 translations read from it, 1 parsed; the words of 3 of 4 search documents read from it", edited.result().notes().get(1));
        assertTrue(edited.file("en/a/second/index.html").contains("<p>Edited text.</p>"));
        assertFalse(Arrays.equals(saved, Files.readAllBytes(cacheDir.resolve(DiskCache.PARSED))), "the edit is kept");

        // the same site gives the same files
        Files.writeString(second, Files.readString(second).replace("Edited text.", "Text."));
        site.build(BuildOptions.of(site.root(), dir.resolve("again")).withCache(cacheDir));
        assertArrayEquals(saved, Files.readAllBytes(cacheDir.resolve(DiskCache.PARSED)));
        assertArrayEquals(savedTerms, Files.readAllBytes(cacheDir.resolve(DiskCache.TERMS)));
    }

    @Test
    void aFileThatCannotBeUsedIsLeftAsideAndWrittenAnew() throws IOException {
        TestSite site = TestSite.write(dir.resolve("site"), SITE);
        Path cacheDir = dir.resolve("cache");
        Files.createDirectories(cacheDir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("is not a Casebook cache", "model_list: []\n".getBytes(StandardCharsets.UTF_8));
        files.put("was written by another build of Casebook",
                ByteBuffer.allocate(40).putInt(0x43425043).putInt(1).array()); // a fingerprint of zeros
        files.put("is cut short or damaged", ByteBuffer.allocate(6).putInt(0x43425043).array());
        String all = ": 4 of 4 translations read from it, 0 parsed; the words of 4 of 4 search documents read from it";
        for (String name : List.of(DiskCache.PARSED, DiskCache.TERMS)) {
            site.build(BuildOptions.of(site.root(), dir.resolve("out")).withCache(cacheDir));
            byte[] good = Files.readAllBytes(cacheDir.resolve(name));
            for (Map.Entry<String, byte[]> bad : files.entrySet()) {
                byte[] content = bad.getValue();
                if (name.equals(DiskCache.TERMS) && !bad.getKey().startsWith("is not")) {
                    content = ByteBuffer.allocate(content.length).put(content).putInt(0, 0x43425443).array(); // the terms' own mark
                }
                Files.write(cacheDir.resolve(name), content);
                TestSite.Built built = site.build(BuildOptions.of(site.root(), dir.resolve("out")).withCache(cacheDir));
                assertEquals("", built.diagnostics());
                String expected = name.equals(DiskCache.PARSED)
                        ? ": 0 of 4 translations read from it, 4 parsed; the words of 4 of 4 search documents read from it"
                        : ": 4 of 4 translations read from it, 0 parsed; the words of 0 of 4 search documents read from it";
                assertEquals("cache " + cacheDir + expected + "; " + name + " " + bad.getKey() + ", so it was written anew",
                        built.result().notes().get(1));
                assertArrayEquals(good, Files.readAllBytes(cacheDir.resolve(name)), name + " written anew");
                TestSite.Built next = site.build(BuildOptions.of(site.root(), dir.resolve("out")).withCache(cacheDir));
                assertEquals("cache " + cacheDir + all, next.result().notes().get(1));
            }
        }
    }

    @Test
    void aBuildStoppedByErrorsBeforeTheSearchIndexKeepsTheTermCounts() throws IOException {
        TestSite site = TestSite.write(dir.resolve("site"), SITE);
        Path cacheDir = dir.resolve("cache");
        site.build(BuildOptions.of(site.root(), dir.resolve("out")).withCache(cacheDir));
        byte[] terms = Files.readAllBytes(cacheDir.resolve(DiskCache.TERMS));
        Path second = site.root().resolve("content/a/second/index.en.md");
        Files.writeString(second, Files.readString(second).replace("Text.", "[gone](../nowhere/index.en.md)"));
        TestSite.Built broken = site.build(BuildOptions.of(site.root(), dir.resolve("out")).withCache(cacheDir));
        assertTrue(broken.headlines().contains("error[broken-link]"), broken.headlines());
        assertEquals("cache " + cacheDir + ": 3 of 4 translations read from it, 1 parsed", broken.result().notes().get(1));
        assertArrayEquals(terms, Files.readAllBytes(cacheDir.resolve(DiskCache.TERMS)));
    }

    @Test
    void aCacheInsideTheOutputFolderIsRefused() {
        TestSite site = TestSite.write(dir.resolve("site"), SITE);
        TestSite.Built built = site.build(BuildOptions.of(site.root(), dir.resolve("out")).withCache(dir.resolve("out/cache")));
        assertEquals(dir.resolve("out/cache") + ":1:1: error[config-output]: the cache folder is inside the output folder, "
                + "which every build replaces", built.headlines());
        assertFalse(Files.exists(dir.resolve("out/cache")));
    }

    @Test
    void aCacheThatIsASymbolicLinkIsNeitherReadNorWritten() throws IOException {
        TestSite site = TestSite.write(dir.resolve("site"), SITE);
        Path real = dir.resolve("real");
        site.build(BuildOptions.of(site.root(), dir.resolve("out")).withCache(real));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        TestSite.Built built = site.build(BuildOptions.of(site.root(), dir.resolve("out2")).withCache(link));
        assertEquals(link + ":1:1: error[config-output]: the cache folder is a symbolic link; a cache is read only from a "
                + "folder the builds made", built.headlines());

        // a file of the cache that is a link is left aside, and replaced by a file
        Path cacheDir = dir.resolve("cache");
        Files.createDirectories(cacheDir);
        Files.createSymbolicLink(cacheDir.resolve(DiskCache.PARSED), real.resolve(DiskCache.PARSED));
        TestSite.Built linked = site.build(BuildOptions.of(site.root(), dir.resolve("out3")).withCache(cacheDir));
        assertEquals("cache " + cacheDir + ": 0 of 4 translations read from it, 4 parsed; the words of 0 of 4 search documents "
                + "read from it; parsed.bin is a symbolic link, so it was written anew", linked.result().notes().get(1));
        assertFalse(Files.isSymbolicLink(cacheDir.resolve(DiskCache.PARSED)));
    }
}
