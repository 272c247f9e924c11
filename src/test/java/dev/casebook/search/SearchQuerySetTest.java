package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.testing.BrowserSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge base's own query set ({@code src/test/resources/search/queries.tsv}, written
 * before any query was run), through the real client in Chromium: the right article first for at
 * least 95 %, in the top three for all, and a Chinese page's query lands on the Chinese page.
 */
@Tag("browser")
class SearchQuerySetTest {

    @TempDir
    Path dir;

    record Query(String kind, String lang, String article, String text) {
    }

    @Test
    void theQuerySetFindsItsArticles() throws IOException {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/search/queries.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 4);
            queries.add(new Query(f[0], f[1], f[2], f[3].replace("\\n", "\n")));
        }
        assertTrue(queries.size() >= 80, queries.size() + " queries");
        assertTrue(queries.stream().map(Query::kind).distinct().count() >= 6, "at least six kinds of query");
        Path out = dir.resolve("site");
        assertTrue(new SiteBuild().build(BuildOptions.of(Path.of(""), out)).written());
        int first = 0;
        List<String> notFirst = new ArrayList<>();
        List<String> notTop3 = new ArrayList<>();
        List<String> wrongLanguage = new ArrayList<>();
        Map<String, int[]> byKind = new TreeMap<>();
        try (BrowserSite site = BrowserSite.serve(out, "/")) {
            Map<String, Page> pages = Map.of("en", site.openWithSearch("en/"), "zh", site.openWithSearch("zh/"));
            for (Query q : queries) {
                List<Map<String, Object>> results = BrowserSite.search(pages.get(q.lang()), q.text(), q.lang());
                List<String> articles = results.stream().map(r -> article((String) r.get("url"))).toList();
                int[] k = byKind.computeIfAbsent(q.kind(), x -> new int[2]);
                k[1]++;
                String label = q.kind() + " (" + q.lang() + ") " + q.text().replace("\n", "⏎") + " → " + articles.stream().limit(3).toList();
                if (!articles.isEmpty() && articles.get(0).equals(q.article())) {
                    first++;
                    k[0]++;
                } else {
                    notFirst.add(label);
                }
                if (!articles.stream().limit(3).toList().contains(q.article())) {
                    notTop3.add(label);
                }
                int at = articles.indexOf(q.article());
                if (q.lang().equals("zh") && at >= 0 && !((String) results.get(at).get("url")).startsWith("/zh/")) {
                    wrongLanguage.add(label);
                }
            }
        }
        StringBuilder kinds = new StringBuilder();
        byKind.forEach((kind, k) -> kinds.append(' ').append(kind).append(' ').append(k[0]).append('/').append(k[1]));
        System.out.printf(Locale.ROOT, "[search queries] %d queries: top-1 %d (%.1f %%), top-3 %d; by kind:%s%n",
                queries.size(), first, 100.0 * first / queries.size(), queries.size() - notTop3.size(), kinds);
        notFirst.forEach(l -> System.out.println("[search queries] not first: " + l));
        assertEquals(List.of(), notTop3, "every query finds its article in the top three");
        assertEquals(List.of(), wrongLanguage, "a Chinese page's query lands on the Chinese page");
        assertTrue(first * 100 >= 95 * queries.size(), first + " of " + queries.size() + " first: " + notFirst);
    }

    /** {@code /zh/litellm/x/#y} → {@code litellm/x}. */
    private static String article(String url) {
        String[] parts = url.replaceFirst("#.*", "").split("/");
        return parts.length >= 4 ? parts[2] + "/" + parts[3] : url;
    }
}
