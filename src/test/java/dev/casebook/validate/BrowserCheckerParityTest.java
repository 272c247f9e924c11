package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Report;
import dev.casebook.diag.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator compiled to JavaScript by TeaVM ({@code target/classes/checker/checker.js}, built by
 * {@code mvn verify}) gives exactly what {@code casebook validate --format json} gives on the JVM —
 * rule, severity, file, line, column, message and fix — for every example of every rule and every config of the
 * real-config corpus, in English and Chinese, run in Chromium.
 */
@org.junit.jupiter.api.Tag("browser")
class BrowserCheckerParityTest {

    private static final Path BUNDLE = Path.of("target/classes/checker/checker.js");

    @TempDir
    Path dir;

    record Case(String name, List<FileValidator.NamedText> files, Map<String, String> environment) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBrowserBundleFindsWhatTheJvmFinds() throws IOException {
        assertTrue(Files.isRegularFile(BUNDLE), BUNDLE + " is missing: mvn process-classes builds it with TeaVM");
        List<Case> cases = new ArrayList<>();
        for (Rule rule : Catalog.builtIn().rules()) {
            for (Rule.Example e : rule.examples()) {
                cases.add(new Case(rule.id() + ": " + e.name(), e.files().stream()
                        .map(f -> new FileValidator.NamedText(f.name(), f.text())).toList(), e.environment()));
            }
        }
        for (RealConfigCase c : RealConfigCase.all()) {
            cases.add(new Case("real-configs/" + c.name(), c.files(), c.environment()));
        }
        FileValidator jvm = new FileValidator(new Validator(Catalog.builtIn()), Schemas.NONE, "");
        List<Map<String, String>> requests = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Case c : cases) {
            StringBuilder files = new StringBuilder();
            for (FileValidator.NamedText f : c.files()) {
                files.append(f.path().length()).append(':').append(f.path()).append(f.text().length()).append(':').append(f.text());
            }
            StringBuilder env = new StringBuilder();
            c.environment().forEach((k, v) -> env.append(k.length()).append(':').append(k).append(v.length()).append(':').append(v));
            for (String lang : Rule.LANGUAGES) {
                requests.add(Map.of("files", files.toString(), "env", env.toString(), "lang", lang));
                // what casebook validate --format json prints for these files
                String json = ReportFormat.JSON.render(new Report(jvm.check(c.files(), Environment.of(c.environment()), lang)), "", List.of());
                expected.add(c.name() + " [" + lang + "]\n" + json);
            }
        }
        // the bundle served as the site serves it, imported by a page, every case checked in Chromium
        Files.createDirectories(dir.resolve("site"));
        Files.copy(BUNDLE, dir.resolve("site/checker.js"));
        Files.writeString(dir.resolve("site/index.html"), "<!DOCTYPE html><html lang=en><title>checker</title></html>");
        List<?> results;
        String log;
        try (dev.casebook.testing.BrowserSite site = dev.casebook.testing.BrowserSite.serve(dir.resolve("site"), "/")) {
            com.microsoft.playwright.Page page = site.open("index.html");
            Map<String, Object> answer = (Map<String, Object>) page.evaluate("async (cases) => {"
                    + " const { check } = await import('/checker.js'); const times = [];"
                    + " const results = cases.map(c => { const t = performance.now(); const r = check(c.files, c.env, c.lang);"
                    + "   times.push(performance.now() - t); return r; });"
                    + " const later = times.slice(1).sort((a, b) => a - b);"
                    + " return {results, log: 'first check ' + times[0].toFixed(0) + ' ms, later median '"
                    + "   + later[later.length >> 1].toFixed(1) + ' ms, worst ' + later[later.length - 1].toFixed(1) + ' ms'}; }", requests);
            results = (List<?>) answer.get("results");
            log = (String) answer.get("log");
        }
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            actual.add(expected.get(i).substring(0, expected.get(i).indexOf('\n') + 1) + results.get(i));
        }
        assertTrue(cases.size() > 100, cases.size() + " cases");
        assertEquals(expected, actual);
        System.out.println("[checker parity] " + cases.size() + " cases x 2 languages identical; " + log.strip());
    }
}
