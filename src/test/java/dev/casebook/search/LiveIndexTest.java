package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.content.Document;
import dev.casebook.content.Output;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildState;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.SearchIndexFiles;
import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's index follows an edit by re-indexing the edited document alone, and holds what a whole build holds. */
class LiveIndexTest {

    @TempDir
    Path dir;

    private static final String SITE = """
            -- content/_site.yaml --
            languages: [en, zh]
            -- content/auth/a/index.en.md --
            ---
            title: Proxy rejects the key
            summary: The proxy answers 401.
            date: 2025-02-18
            ---
            ## Cause
            The quokka variable is read before the key is set.
            -- content/auth/a/index.zh.md --
            ---
            title: 代理拒绝密钥
            summary: 代理返回 401。
            date: 2025-02-18
            ---
            ## 原因
            变量在密钥设置之前被读取。
            -- content/net/b/index.en.md --
            ---
            title: Connection refused from the container
            summary: localhost inside a container is the container.
            date: 2025-02-19
            ---
            ## Fix
            Use the host's name; the proxy then connects.
            -- content/net/c/index.en.md --
            ---
            title: Embedding size mismatch
            summary: The vector store was made for another size.
            date: 2025-02-20
            ---
            ## Fix
            Recreate the collection with the model's dimension.
            """;

    private final SiteBuild build = SiteBuild.incremental();
    private BuildOptions options;

    private BuildState prepare(String... changed) {
        Set<Path> paths = new java.util.HashSet<>();
        for (String c : changed) {
            paths.add(dir.resolve(c));
        }
        BuildState site = build.prepare(options, paths);
        assertTrue(site.clean(), site.report().diagnostics().toString());
        return site;
    }

    private static Map<String, Document> documents(BuildState site) {
        Map<String, Document> documents = new HashMap<>();
        site.entries().forEach((path, e) -> documents.put(path, e.document()));
        return documents;
    }

    private static Map<String, String> files(List<Output> outputs) {
        Map<String, String> out = new TreeMap<>();
        for (Output o : outputs) {
            out.put(o.path(), new String(((Output.Bytes) o).content(), StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private LiveIndex.Update update(LiveIndex live, BuildState site) {
        return live.update(site.source(), documents(site), site.theme().searchScript());
    }

    private Map<String, String> whole(BuildState site) {
        return files(new SearchIndexer().build(site.source(), documents(site), site.theme().searchScript()).files());
    }

    private void edit(String path, String from, String to) throws IOException {
        Path file = dir.resolve(path);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void anEditReindexesTheEditedDocumentAlone() throws IOException {
        TestSite.write(dir, SITE);
        options = BuildOptions.of(dir, dir.resolve("out"));
        LiveIndex live = new LiveIndex();
        BuildState first = prepare();
        LiveIndex.Update start = update(live, first);
        assertTrue(start.whole(), "the first index is a whole build");
        Map<String, String> original = files(start.index().files());
        assertEquals(whole(first), original, "a whole live build writes what casebook build writes");
        assertEquals(original, files(live.files()));

        // a word replaced in one English body: one document, the shards of the words that came and went
        edit("content/auth/a/index.en.md", "The quokka variable", "The zanzibarite variable");
        BuildState edited = prepare("content/auth/a/index.en.md");
        LiveIndex.Update after = update(live, edited);
        assertFalse(after.whole());
        assertEquals(1, after.documents());
        assertTrue(after.shards() >= 1 && after.shards() <= 2, "shards written again: " + after.shards());
        Map<String, String> followed = files(after.index().files());
        SearchIndexFiles read = SearchIndexFiles.of(followed);
        assertEquals("1 [0]", read.postings().get("zanzibarite"), "the new word finds article a's English page (id 0)");
        assertFalse(read.postings().containsKey("quokka"), "the removed word is gone");
        assertEquals(SearchIndexFiles.of(whole(edited)), read, "the same terms, documents and fragments as a whole build");
        assertTrue(SearchIndexFiles.impacts(followed, "zanzibarite").get(0) > 0);

        // nothing changed: the same index
        assertEquals(followed, files(update(live, prepare("content/auth/a/index.en.md")).index().files()));

        // the edit undone: byte for byte the first index, folder name included
        edit("content/auth/a/index.en.md", "The zanzibarite variable", "The quokka variable");
        LiveIndex.Update undone = update(live, prepare("content/auth/a/index.en.md"));
        assertFalse(undone.whole());
        assertEquals(original, files(undone.index().files()));

        // a new article changes every later document's id: a whole build
        TestSite.write(dir, """
                -- content/auth/a2/index.en.md --
                ---
                title: Another
                summary: More.
                date: 2025-02-21
                ---
                Text.
                """);
        BuildState grown = prepare("content/auth/a2/index.en.md", "content/auth/a2");
        LiveIndex.Update regrown = update(live, grown);
        assertTrue(regrown.whole());
        assertEquals(whole(grown), files(regrown.index().files()));
    }

    /**
     * A word in more documents than a shard keeps: an edit that leaves a document below the kept
     * ones does not write that word's shard again; one that lifts it into them does.
     */
    @Test
    void aFrequentWordIsWrittenAgainOnlyWhenItsKeptDocumentsChange() throws IOException {
        StringBuilder spec = new StringBuilder("-- content/_site.yaml --\nlanguages: [en]\n");
        int articles = SearchIndexer.TOP_POSTINGS + 44;
        for (int i = 0; i < articles; i++) {
            // the first articles say "proxy" three times: they are kept first; the last ones, in longer
            // bodies, score lowest for it: they are not kept
            spec.append(String.format(java.util.Locale.ROOT, "-- content/s/a%03d/index.en.md --%n---%ntitle: Case %d%nsummary: S%n"
                    + "date: 2025-02-18%n---%nThe proxy %s answers%s.%n", i, i, i < 10 ? "proxy proxy" : "word" + i,
                    i >= articles - 20 ? ", and then a few more words follow it here" : ""));
        }
        TestSite.write(dir, spec.toString());
        options = BuildOptions.of(dir, dir.resolve("out"));
        LiveIndex live = new LiveIndex();
        LiveIndex.Update start = update(live, prepare());
        assertTrue(start.whole());
        String before = SearchIndexFiles.of(files(start.index().files())).postings().get("proxy");
        assertTrue(before.startsWith(articles + " "), before);

        // article 290's own word becomes two: it stays a document of "proxy" that the shard does not keep
        edit("content/s/a290/index.en.md", "word290", "zebra yak");
        BuildState edited = prepare("content/s/a290/index.en.md");
        LiveIndex.Update small = update(live, edited);
        assertFalse(small.whole());
        Map<String, String> followed = files(small.index().files());
        assertEquals(before, SearchIndexFiles.of(followed).postings().get("proxy"), "proxy's kept documents stand");
        assertEquals(SearchIndexFiles.of(whole(edited)), SearchIndexFiles.of(followed));
        assertTrue(small.terms().containsAll(Set.of("zebra", "yak", "word290")), small.terms().toString());
        assertFalse(small.terms().contains("proxy"), "proxy's kept documents did not change: " + small.terms());

        // article 201 gets "proxy" in its title: it joins the kept documents, and the shard is written again
        edit("content/s/a201/index.en.md", "title: Case 201", "title: Proxy case 201");
        BuildState lifted = prepare("content/s/a201/index.en.md");
        LiveIndex.Update big = update(live, lifted);
        assertTrue(big.terms().contains("proxy"), big.terms().toString());
        String after = SearchIndexFiles.of(files(big.index().files())).postings().get("proxy");
        assertTrue(after.contains(", 201"), after);
        assertEquals(SearchIndexFiles.of(whole(lifted)), SearchIndexFiles.of(files(big.index().files())));
    }

    /**
     * Fragments are kept one card to a file, named by id (a language's documents are one id range,
     * an article's place within it); an id without a document, an article not translated into that
     * language, has no file, which the client never asks for; the files lie in folders of sixteen.
     */
    @Test
    void fragmentsAreOneCardToAFileByIdWithNoFileForAMissingTranslation() throws IOException {
        TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [en, zh]
                -- content/s/p/index.en.md --
                ---
                title: Pea
                summary: Pea.
                date: 2025-02-18
                ---
                Pea text.
                -- content/s/q/index.en.md --
                ---
                title: Quince
                summary: Quince.
                date: 2025-02-18
                ---
                Quince text.
                -- content/s/r/index.en.md --
                ---
                title: Rye
                summary: Rye.
                date: 2025-02-18
                ---
                Rye text.
                -- content/s/r/index.zh.md --
                ---
                title: 黑麦
                summary: 黑麦.
                date: 2025-02-18
                ---
                黑麦正文。
                """);
        options = BuildOptions.of(dir, dir.resolve("out"));
        Map<String, String> files = whole(prepare());
        Map<String, String> fragments = SearchIndexFiles.of(files).fragments();
        assertEquals(List.of("f/0/0.bin", "f/0/1.bin", "f/0/2.bin", "f/0/5.bin"), List.copyOf(fragments.keySet()),
                "ids 3 and 4, zh p and zh q, are missing");
        assertEquals(List.of("/en/s/p/"), urls(fragments.get("f/0/0.bin")));
        assertEquals(List.of("/en/s/q/"), urls(fragments.get("f/0/1.bin")));
        assertEquals(List.of("/en/s/r/"), urls(fragments.get("f/0/2.bin")));
        assertEquals(List.of("/zh/s/r/"), urls(fragments.get("f/0/5.bin")));
        assertTrue(files.keySet().stream().anyMatch(f -> f.matches("search/[^/]+/t/0/0\\.bin")), files.keySet().toString());
    }

    /** The url of each entry of a fragment file, null for a null entry. */
    private static List<String> urls(String json) {
        List<String> urls = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^\\[|,)(null|\\{\"u\":\"([^\"]*)\")").matcher(json);
        while (m.find()) {
            urls.add(m.group(1).equals("null") ? null : m.group(2));
        }
        return urls;
    }
}
