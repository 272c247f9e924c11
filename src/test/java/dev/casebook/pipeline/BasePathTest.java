package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every URL that points inside the site honours the base path, on every page, and resolves to a file. */
class BasePathTest {

    @TempDir
    Path dir;

    @Test
    void everyInternalUrlStartsWithTheBasePathAndResolves() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/litellm/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                tags: [litellm]
                ---
                ## Heading
                [b](../../ollama/b/index.en.md) [b folder](../../ollama/b/) ![pic](pic.txt) [top](#heading) [root](/en/tags/)
                -- content/litellm/a/pic.txt --
                not really a picture
                -- content/litellm/a/index.zh.md --
                ---
                title: 甲
                summary: 摘要
                date: 2025-02-18
                ---
                [乙](../../ollama/b/)
                -- content/ollama/b/index.en.md --
                ---
                title: B
                summary: S
                date: 2025-02-19
                ---
                Only English.
                """).build("https://example.org/kb/");
        assertEquals("", built.diagnostics());
        List<String> checked = new ArrayList<>();
        for (String page : built.htmlFiles()) {
            Document doc = built.html(page);
            URI pageUri = URI.create("https://example.org/kb/" + page);
            for (Element e : doc.select("[href], [src]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                URI resolved = pageUri.resolve(url);
                boolean internal = url.startsWith("/") || url.startsWith("#") || !url.contains(":")
                        || "example.org".equals(resolved.getHost());
                if (!internal) {
                    continue;
                }
                if (!url.startsWith("#")) {
                    assertTrue(url.startsWith("/kb/") || url.startsWith("https://example.org/kb/"),
                            page + ": " + e.tagName() + " points inside the site without the base path: " + url);
                }
                String path = resolved.getPath().replaceFirst("^/kb/", "");
                String file = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
                assertTrue(built.exists(file), page + ": " + url + " does not resolve to a file (" + file + ")");
                checked.add(url);
            }
        }
        assertTrue(checked.size() > 100, "checked only " + checked.size() + " URLs");
    }
}
