package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.BuildResult;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.cli.MainAccess;
import dev.casebook.validate.Catalog;
import dev.casebook.validate.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No reader meets a message template: every placeholder is filled, on every page and in `casebook rules`. */
class PlaceholderTest {

    /** {model}, {api_base}, but not ${VAR} (a shell or compose variable) nor {} (empty YAML). */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![$\\w])\\{[a-z_]+}|‹[a-z_]+›");

    @TempDir
    Path dir;

    @Test
    void noPageOfTheKnowledgeBaseShowsAPlaceholderOutsideCode() throws IOException {
        Path out = dir.resolve("site");
        BuildResult result = new SiteBuild().build(BuildOptions.of(Path.of(""), out));
        assertTrue(result.written(), result.report().diagnostics().toString());
        List<String> found = new ArrayList<>();
        int pages = 0;
        try (Stream<Path> walk = Files.walk(out.toRealPath())) {
            for (Path page : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(page.toFile(), "UTF-8");
                doc.select("pre, code").remove(); // configs and commands may hold braces of their own
                var m = PLACEHOLDER.matcher(doc.text());
                while (m.find()) {
                    found.add(out.toRealPath().relativize(page) + ": " + m.group());
                }
                pages++;
            }
        }
        assertTrue(pages > 140, "pages read: " + pages);
        assertEquals(List.of(), found);
    }

    @Test
    void casebookRulesFillsEveryMessageInBothLanguages() {
        List<String> found = new ArrayList<>();
        for (String lang : Rule.LANGUAGES) {
            for (Rule rule : Catalog.builtIn().rules()) {
                String text = MainAccess.out("rules", rule.id(), "--lang", lang);
                // the texts about the rule, not the example files printed after them
                String about = text.split("\n-- (triggers|passes)", 2)[0];
                assertTrue(about.contains(lang.equals("zh") ? "修复：" : "Fix: "), about);
                var m = PLACEHOLDER.matcher(about);
                while (m.find()) {
                    found.add(rule.id() + " " + lang + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
