package dev.casebook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildState;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.content.Output;
import dev.casebook.diag.Diagnostic;
import dev.casebook.testing.SearchIndexFiles;
import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the preview shows after any sequence of edits is exactly what a full build of the same
 * files gives: every file byte for byte (the search index: the same terms, documents and
 * fragments; see {@link dev.casebook.search.LiveIndex}), and every diagnostic.
 */
class IncrementalBuildTest {

    @TempDir
    Path dir;

    private static final String SITE = """
            -- content/_site.yaml --
            languages: [zh, en]
            rule_packs: [docker, litellm-wrenai-ollama]
            -- content/litellm/a/index.en.md --
            ---
            title: A
            summary: First
            date: 2025-02-18
            tags: [litellm]
            ---
            ## Cause
            See [b](../../ollama/b/index.en.md#fix) and ![diagram](diagram.txt).

            > [!NOTE]
            > Remember the key.

            ```yaml file=config.yaml
            type: llm
            provider: litellm_llm
            models:
              - model: ollama_chat/llama3
                api_base: http://ollama:11434
                kwargs: {}
            ```
            -- content/litellm/a/index.zh.md --
            ---
            title: 甲
            summary: 第一篇
            date: 2025-02-18
            ---
            ## 原因
            正文。
            -- content/litellm/a/diagram.txt --
            a bundle file
            -- content/ollama/b/index.en.md --
            ---
            title: B
            summary: Second
            date: 2025-02-19
            tags: [ollama]
            ---
            ## Fix
            Text of b.
            """;

    private SiteBuild incremental;
    private BuildOptions options;

    /** The files the preview would serve, rendered, after telling it what changed. */
    private Map<String, String> step(String... changed) {
        Set<Path> paths = Arrays.stream(changed).map(dir::resolve).collect(Collectors.toSet());
        BuildState site = incremental.prepare(options, paths);
        if (site.clean()) {
            site = incremental.withSearch(site); // as the preview does, in the background
        }
        Map<String, String> preview = files(site);
        SiteBuild fresh = new SiteBuild();
        BuildState full = fresh.prepare(options, Set.of());
        if (full.clean()) {
            full = fresh.withSearch(full);
        }
        assertEquals(diagnostics(full), diagnostics(site), "diagnostics after " + Arrays.toString(changed));
        Map<String, String> expected = files(full);
        // the preview's search index follows edits and keeps the corpus statistics of its first build, so its
        // impacts (and with them its folder's name) may differ from a whole build's: it must hold the same
        // terms, documents and fragments
        assertEquals(SearchIndexFiles.of(expected), SearchIndexFiles.of(preview), "the search index after " + Arrays.toString(changed));
        Map<String, String> pages = withoutIndex(expected);
        Map<String, String> shown = withoutIndex(preview);
        assertEquals(pages.keySet(), shown.keySet(), "the same files after " + Arrays.toString(changed));
        for (String path : pages.keySet()) {
            assertEquals(pages.get(path), shown.get(path), path + " after " + Arrays.toString(changed));
        }
        return preview;
    }

    /** The files but the search index's folder, with the client's line that names that folder left out. */
    private static Map<String, String> withoutIndex(Map<String, String> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((path, text) -> {
            if (path.equals("search/search.js")) {
                out.put(path, text.replaceAll("[0-9a-f]{10}", "INDEX"));
            } else if (!path.matches("search/[0-9a-f]{10}/.*")) {
                out.put(path, text);
            }
        });
        return out;
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static List<String> diagnostics(BuildState site) {
        return site.report().diagnostics().stream().map(Diagnostic::format).toList();
    }

    /** Every output as text (binary files as their bytes in ISO-8859-1, which keeps them exact). */
    private static Map<String, String> files(BuildState site) {
        Map<String, String> out = new TreeMap<>();
        for (Output o : site.outputs()) {
            byte[] bytes;
            if (o instanceof Output.Bytes b) {
                bytes = b.content();
            } else if (o instanceof Output.Lazy l) {
                bytes = l.content().get();
            } else {
                try {
                    bytes = Files.readAllBytes(((Output.Copy) o).from());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            out.put(o.path(), new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String read(String path) throws IOException {
        return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    }

    private void edit(String path, String from, String to) throws IOException {
        String text = read(path);
        assertTrue(text.contains(from), path + " contains " + from);
        write(path, text.replace(from, to));
    }

    @Test
    void everyKindOfEditGivesWhatAFullBuildGives() throws IOException {
        TestSite.write(dir, SITE);
        Path rules = dir.resolve("rules");
        copyBuiltInRules(rules);
        options = new BuildOptions(dir, dir.resolve("out"), Optional.empty(), false, false, false, Optional.of(rules));
        incremental = SiteBuild.incremental();
        Map<String, String> first = step();
        assertTrue(first.get("en/ollama/b/index.html").contains("Text of b."), "the first build is whole");

        // an article's body, then its title (lists, feeds, search and the other language change too)
        edit("content/ollama/b/index.en.md", "Text of b.", "New text of b.");
        assertTrue(step("content/ollama/b/index.en.md").get("en/ollama/b/index.html").contains("New text of b."));
        edit("content/ollama/b/index.en.md", "title: B", "title: B renamed");
        assertTrue(step("content/ollama/b/index.en.md").get("en/index.html").contains("B renamed"));

        // a new article, with a link from an existing one that starts to resolve
        write("content/docker/c/index.en.md", "---\ntitle: C\nsummary: Third\ndate: 2025-03-01\ntags: [docker]\n---\nC.\n");
        step("content/docker/c/index.en.md", "content/docker/c");
        edit("content/ollama/b/index.en.md", "New text of b.", "New text of b, see [c](../../docker/c/).");
        assertTrue(step("content/ollama/b/index.en.md").get("en/ollama/b/index.html").contains("href=\"/en/docker/c/\""));

        // the article is renamed: the link stops resolving (an error), then is fixed
        Files.move(dir.resolve("content/docker/c"), dir.resolve("content/docker/c2"));
        Map<String, String> broken = step("content/docker/c", "content/docker/c2", "content/docker/c2/index.en.md");
        assertEquals(Map.of(), broken, "a failing build produces no site");
        edit("content/ollama/b/index.en.md", "../../docker/c/", "../../docker/c2/");
        step("content/ollama/b/index.en.md");

        // a bundle file: added, changed, deleted (the link to it breaks), restored
        write("content/litellm/a/notes.txt", "notes\n");
        step("content/litellm/a/notes.txt");
        write("content/litellm/a/diagram.txt", "a changed bundle file\n");
        step("content/litellm/a/diagram.txt");
        Files.delete(dir.resolve("content/litellm/a/diagram.txt"));
        step("content/litellm/a/diagram.txt");
        write("content/litellm/a/diagram.txt", "back\n");
        step("content/litellm/a/diagram.txt");

        // a translation added and deleted: switchers, notices and hreflang follow
        write("content/ollama/b/index.zh.md", "---\ntitle: 乙\nsummary: 第二篇\ndate: 2025-02-19\n---\n## 解决方法\n乙。\n");
        assertTrue(utf8(step("content/ollama/b/index.zh.md").get("zh/ollama/b/index.html")).contains("乙。"));
        Files.delete(dir.resolve("content/ollama/b/index.zh.md"));
        step("content/ollama/b/index.zh.md");

        // the search's synonym sets (content/_search/): a new manifest, as a full build writes it
        write("content/_search/synonyms.yaml", "- [密钥, 秘钥]\n");
        step("content/_search/synonyms.yaml");
        edit("content/_search/synonyms.yaml", "秘钥", "鉴权");
        step("content/_search/synonyms.yaml");

        // a site schema (content/_schemas/): a snippet checked with it, then the schema changes under it
        write("content/_schemas/tool.schema.json", "{\"type\": \"object\", \"properties\": {\"port\": {\"type\": \"integer\"}}}\n");
        step("content/_schemas/tool.schema.json");
        write("content/litellm/a/index.en.md", read("content/litellm/a/index.en.md") + "\n```yaml file=tool.yaml schema=tool\nport: 80\n```\n");
        step("content/litellm/a/index.en.md");
        edit("content/_schemas/tool.schema.json", "integer", "string");
        assertTrue(String.join("\n", diagnostics(incremental.prepare(options, Set.of(dir.resolve("content/_schemas/tool.schema.json")))))
                .contains("error[schema]: `port` is a number; the tool schema wants a string"), "the preview sees the new schema");
        step("content/_schemas/tool.schema.json");
        edit("content/_schemas/tool.schema.json", "string", "integer");
        step("content/_schemas/tool.schema.json");

        // a front-matter error, then its fix
        edit("content/litellm/a/index.zh.md", "title: 甲", "titel: 甲");
        step("content/litellm/a/index.zh.md");
        edit("content/litellm/a/index.zh.md", "titel: 甲", "title: 甲");
        step("content/litellm/a/index.zh.md");

        // Markdown beyond a safety limit, then back within it: the problem comes and goes with the edit
        String before = read("content/ollama/b/index.en.md");
        write("content/ollama/b/index.en.md", before + "\n" + "> ".repeat(40) + "deep\n");
        assertEquals(Map.of(), step("content/ollama/b/index.en.md"), "the same diagnostic as a full build, and no site");
        write("content/ollama/b/index.en.md", before);
        step("content/ollama/b/index.en.md");

        // what lists sort and group by: a date that reorders them, an error string both articles solve
        // (b becomes related to a), then an edit that keeps the groups (the preview swaps b in place)
        edit("content/ollama/b/index.en.md", "date: 2025-02-19", "date: 2025-01-02");
        step("content/ollama/b/index.en.md");
        edit("content/ollama/b/index.en.md", "tags: [ollama]", "tags: [ollama]\nerrors: [Connection refused]");
        edit("content/litellm/a/index.en.md", "tags: [litellm]", "tags: [litellm]\nerrors: [Connection refused]");
        step("content/ollama/b/index.en.md", "content/litellm/a/index.en.md");
        edit("content/ollama/b/index.en.md", "title: B renamed", "title: B related");
        assertTrue(utf8(step("content/ollama/b/index.en.md").get("en/litellm/a/index.html")).contains("B related"),
                "a's related articles show b's new title");
        edit("content/ollama/b/index.en.md", "\nerrors: [Connection refused]", "");
        step("content/ollama/b/index.en.md");

        // a snippet that starts to break a rule, and is fixed
        edit("content/litellm/a/index.en.md", "ollama_chat/llama3", "openai/llama3");
        step("content/litellm/a/index.en.md");
        edit("content/litellm/a/index.en.md", "openai/llama3", "ollama_chat/llama3");
        step("content/litellm/a/index.en.md");

        // a template of the site's own theme, added then changed
        write("templates/tags.peb", "{% extends \"base\" %}\n{% block content %}<h1>{{ t.tags }} (custom)</h1>{% endblock %}\n");
        assertTrue(step("templates/tags.peb").get("en/tags/index.html").contains("(custom)"));
        edit("templates/tags.peb", "(custom)", "(changed)");
        assertTrue(step("templates/tags.peb").get("en/tags/index.html").contains("(changed)"));

        // the theme's UI strings, which the parsed callouts carry: every article is read again
        try (InputStream in = IncrementalBuildTest.class.getClassLoader().getResourceAsStream("theme/i18n/en.yaml")) {
            write("templates/i18n/en.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("callout_note: Note", "callout_note: Heads up"));
        }
        assertTrue(step("templates/i18n/en.yaml").get("en/litellm/a/index.html").contains("Heads up"));

        // a rule's text: its pages change, snippets are checked against it again
        edit("rules/LLM003.yaml", "en: \"OpenAI-compatible route", "en: \"Edited: OpenAI-compatible route");
        assertTrue(step("rules/LLM003.yaml").get("en/rules/LLM003/index.html").contains("Edited: OpenAI-compatible route"));
        // a rule file that cannot be read is a configuration error, reported the same both ways
        edit("rules/LLM003.yaml", "id: LLM003", "id: [LLM003");
        assertEquals(Map.of(), step("rules/LLM003.yaml"));
        edit("rules/LLM003.yaml", "id: [LLM003", "id: LLM003");
        step("rules/LLM003.yaml");

        // the site config: everything
        edit("content/_site.yaml", "languages: [zh, en]", "languages: [zh, en]\ntitle: {zh: 手册, en: Handbook}");
        assertTrue(step("content/_site.yaml").get("en/index.html").contains("Handbook"));

        // an article deleted outright
        deleteTree(dir.resolve("content/docker/c2"));
        edit("content/ollama/b/index.en.md", ", see [c](../../docker/c2/)", "");
        step("content/docker/c2", "content/docker/c2/index.en.md", "content/ollama/b/index.en.md");
    }

    private static void copyBuiltInRules(Path to) throws IOException {
        Files.createDirectories(to);
        ClassLoader loader = IncrementalBuildTest.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream("rules/catalog.yaml")) {
            String catalog = new String(index.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(to.resolve("catalog.yaml"), catalog);
            List<String> ids = new ArrayList<>();
            // the ids of the rules: list (the packs below it name the same ids again)
            String list = catalog.substring(0, catalog.indexOf("\npacks:"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b[A-Z]+[0-9]{3}\\b").matcher(list);
            while (m.find()) {
                ids.add(m.group());
            }
            assertEquals(dev.casebook.validate.Catalog.builtIn().ids(), ids, "the rule ids of catalog.yaml");
            for (String id : ids) {
                try (InputStream in = loader.getResourceAsStream("rules/" + id + ".yaml")) {
                    Files.write(to.resolve(id + ".yaml"), in.readAllBytes());
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
