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
class ParseCacheTest {

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
        ParseCache first = ParseCache.open(cacheDir);
        Map<String, Document> parsed = new LinkedHashMap<>();
        for (Translation t : all) {
            parsed.put(t.path(), first.parse(t, TITLES, () -> parser.parse(t, TITLES)));
        }
        // and one beyond the limits: a document with a problem and nothing else
        Translation deep = withBody(all.get(2), "> ".repeat(40) + "deep\n");
        Document unreadable = first.parse(deep, TITLES, () -> parser.parse(deep, TITLES));
        assertEquals(1, unreadable.problems().size());
        assertEquals("cache " + cacheDir + ": 0 of 5 translations read from it, 5 parsed", first.note());
        first.save();

        ParseCache second = ParseCache.open(cacheDir);
        for (Translation t : all) {
            Document read = second.parse(t, TITLES, () -> fail("parsed again: " + t.path()));
            assertEquals(parsed.get(t.path()), read, t.path());
        }
        assertEquals(unreadable, second.parse(deep, TITLES, () -> fail("parsed again")));
        Document first0 = parsed.get(all.get(0).path());
        assertEquals(2, first0.snippets().size(), "the test covers snippets in tabs");
        assertTrue(first0.snippets().get(0).tab().isPresent());
        assertEquals(2, first0.links().size(), "the test covers a link and an image");
        assertEquals("cache " + cacheDir + ": 5 of 5 translations read from it, 0 parsed", second.note());
    }

    @Test
    void aDocumentIsParsedAgainWhenAnythingItWasParsedFromChanged() {
        TestSite site = TestSite.write(dir.resolve("site"), SITE);
        MarkdownParser parser = new MarkdownParser();
        Translation t = translations(site).get(2);
        Path cacheDir = dir.resolve("cache");
        ParseCache first = ParseCache.open(cacheDir);
        first.parse(t, TITLES, () -> parser.parse(t, TITLES));
        first.save();
        int[] parses = {0};
        ParseCache second = ParseCache.open(cacheDir);
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
        assertEquals("cache " + cacheDir + ": 0 of 4 translations read from it, 4 parsed", cold.result().notes().get(1));
        assertEquals("cache " + cacheDir + ": 4 of 4 translations read from it, 0 parsed", warm.result().notes().get(1));
        assertEquals(plain.files(), warm.files());
        for (String f : plain.files()) {
            assertArrayEquals(Files.readAllBytes(plain.out().resolve(f)), Files.readAllBytes(warm.out().resolve(f)), f);
        }
        byte[] saved = Files.readAllBytes(cacheDir.resolve(ParseCache.FILE));

        Path second = site.root().resolve("content/a/second/index.en.md");
        Files.writeString(second, Files.readString(second).replace("Text.", "Edited text."));
        TestSite.Built edited = site.build(BuildOptions.of(site.root(), dir.resolve("edited")).withCache(cacheDir));
        assertEquals("cache " + cacheDir + ": 3 of 4 translations read from it, 1 parsed", edited.result().notes().get(1));
        assertTrue(edited.file("en/a/second/index.html").contains("<p>Edited text.</p>"));
        assertFalse(Arrays.equals(saved, Files.readAllBytes(cacheDir.resolve(ParseCache.FILE))), "the edit is kept");

        // the same site gives the same file
        Files.writeString(second, Files.readString(second).replace("Edited text.", "Text."));
        site.build(BuildOptions.of(site.root(), dir.resolve("again")).withCache(cacheDir));
        assertArrayEquals(saved, Files.readAllBytes(cacheDir.resolve(ParseCache.FILE)));
    }

    @Test
    void aFileThatCannotBeUsedIsLeftAsideAndWrittenAnew() throws IOException {
        TestSite site = TestSite.write(dir.resolve("site"), SITE);
        Path cacheDir = dir.resolve("cache");
        Path file = cacheDir.resolve(ParseCache.FILE);
        Files.createDirectories(cacheDir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("is not a Casebook cache", "model_list: []\n".getBytes(StandardCharsets.UTF_8));
        files.put("was written by another build of Casebook",
                ByteBuffer.allocate(40).putInt(0x43425043).putInt(1).array()); // a fingerprint of zeros
        files.put("is cut short or damaged", ByteBuffer.allocate(6).putInt(0x43425043).array());
        for (Map.Entry<String, byte[]> bad : files.entrySet()) {
            Files.write(file, bad.getValue());
            TestSite.Built built = site.build(BuildOptions.of(site.root(), dir.resolve("out")).withCache(cacheDir));
            assertEquals("", built.diagnostics());
            assertEquals("cache " + cacheDir + ": 0 of 4 translations read from it, 4 parsed; the file found " + bad.getKey()
                    + ", so it was written anew", built.result().notes().get(1));
            TestSite.Built next = site.build(BuildOptions.of(site.root(), dir.resolve("out")).withCache(cacheDir));
            assertEquals("cache " + cacheDir + ": 4 of 4 translations read from it, 0 parsed", next.result().notes().get(1));
        }
    }

    @Test
    void aCacheInsideTheOutputFolderIsRefused() {
        TestSite site = TestSite.write(dir.resolve("site"), SITE);
        TestSite.Built built = site.build(BuildOptions.of(site.root(), dir.resolve("out")).withCache(dir.resolve("out/cache")));
        assertEquals(dir.resolve("out/cache") + ":1:1: error[config-output]: the cache folder is inside the output folder, "
                + "which every build replaces", built.headlines());
        assertFalse(Files.exists(dir.resolve("out/cache")));
    }
}
