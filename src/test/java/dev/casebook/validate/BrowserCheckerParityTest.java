package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The validator compiled to JavaScript by TeaVM ({@code target/classes/checker/checker.js}, built by
 * {@code mvn verify}) gives exactly what {@code casebook validate} gives on the JVM — rule, severity,
 * file, line, column, message and fix — for every example of every rule and every config of the
 * real-config corpus, in English and Chinese, run in Chromium.
 */
@org.junit.jupiter.api.Tag("browser")
class BrowserCheckerParityTest {

    private static final Path BUNDLE = Path.of("target/classes/checker/checker.js");

    @TempDir
    Path dir;

    record Case(String name, List<FileChecker.NamedText> files, Map<String, String> environment) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBrowserBundleFindsWhatTheJvmFinds() throws IOException {
        assertTrue(Files.isRegularFile(BUNDLE), BUNDLE + " is missing: mvn process-classes builds it with TeaVM");
        List<Case> cases = new ArrayList<>();
        for (Rule rule : Catalog.builtIn().rules()) {
            for (Rule.Example e : rule.examples()) {
                cases.add(new Case(rule.id() + ": " + e.name(), e.files().stream()
                        .map(f -> new FileChecker.NamedText(f.name(), f.text())).toList(), e.environment()));
            }
        }
        cases.addAll(corpus());
        FileChecker jvm = new FileChecker(new Validator(Catalog.builtIn()));
        List<Map<String, String>> requests = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Case c : cases) {
            StringBuilder files = new StringBuilder();
            for (FileChecker.NamedText f : c.files()) {
                files.append(files.length() == 0 ? "" : "\u0000").append(f.path()).append('\u0000').append(f.text());
            }
            StringBuilder env = new StringBuilder();
            c.environment().forEach((k, v) -> env.append(env.length() == 0 ? "" : "\u0000").append(k).append('=').append(v));
            for (String lang : Rule.LANGUAGES) {
                requests.add(Map.of("files", files.toString(), "env", env.toString(), "lang", lang));
                StringBuilder out = new StringBuilder();
                for (Diagnostic d : jvm.check(c.files(), Environment.of(c.environment()), lang)) {
                    out.append(d.format()).append('\n');
                }
                expected.add(c.name() + " [" + lang + "]\n" + out);
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

    /** Every case of the real-config corpus, its files as RealConfigCorpusTest gives them. */
    @SuppressWarnings("unchecked")
    private static List<Case> corpus() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/real-configs"))) {
            for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("case.yaml"))).sorted().toList()) {
                Map<String, Object> spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(d.resolve("case.yaml")));
                Map<String, String> env = (Map<String, String>) Optional.ofNullable(spec.get("env")).orElse(Map.of());
                List<FileChecker.NamedText> files = new ArrayList<>();
                for (Map.Entry<String, String> f : ((Map<String, String>) spec.get("files")).entrySet()) {
                    String text = Files.readString(d.resolve(f.getValue()));
                    files.add(new FileChecker.NamedText(f.getKey(), f.getKey().equals(".env") ? RealConfigCorpusTest.withValues(text, env) : text));
                }
                Map<String, Object> options = (Map<String, Object>) Optional.ofNullable(spec.get("options")).orElse(Map.of());
                Map<String, String> environment = new LinkedHashMap<>();
                Optional.ofNullable(options.get("wren_version")).ifPresent(v -> environment.put("wren_ai_service_version", String.valueOf(v)));
                Optional.ofNullable(options.get("deployment")).ifPresent(v -> environment.put("deployment", String.valueOf(v)));
                Optional.ofNullable(options.get("host_os")).ifPresent(v -> environment.put("host_os", String.valueOf(v)));
                out.add(new Case("real-configs/" + d.getFileName(), files, environment));
            }
        }
        return out;
    }
}
