package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed article, as a reader on a phone downloads it before searching: HTML, CSS and JS under 50 KB gzip. */
class PageWeightTest {

    static final int BUDGET = 50 * 1024;
    static final int HOME_BUDGET = 20 * 1024;

    @TempDir
    Path dir;

    private static int gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.size();
    }

    /** The page, its stylesheet and its scripts, gzipped, as a first visit downloads them; no script blocks rendering. */
    private static int weight(Path root, String path) throws IOException {
        Path page = root.resolve(path);
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        int total = gzip(Files.readAllBytes(page));
        for (var css : doc.select("link[rel=stylesheet]")) {
            total += gzip(Files.readAllBytes(root.resolve(css.attr("href").substring(1))));
        }
        for (var js : doc.select("script[src]")) {
            assertTrue(js.hasAttr("defer") || js.hasAttr("async"), "no script blocks rendering: " + js);
            total += gzip(Files.readAllBytes(root.resolve(js.attr("src").substring(1))));
        }
        assertTrue(doc.select("script[src]").size() >= 1 && doc.select("link[rel=stylesheet]").size() == 1, "the assets are counted");
        return total;
    }

    @Test
    void theSeedArticleWeighsLessThan50KbGzipAndTheHomePageLessThan20() throws IOException {
        Path out = dir.resolve("site");
        assertTrue(new SiteBuild().build(BuildOptions.of(Path.of(""), out)).written());
        Path root = out.toRealPath();
        int seed = weight(root, "zh/litellm/openai-prefix-ollama-auth/index.html");
        assertTrue(seed <= BUDGET, "the seed article weighs " + seed + " bytes gzip; the budget is " + BUDGET);
        for (String home : new String[] {"zh/index.html", "en/index.html"}) {
            int weight = weight(root, home);
            assertTrue(weight <= HOME_BUDGET, home + " weighs " + weight + " bytes gzip; the budget is " + HOME_BUDGET);
        }
    }
}
