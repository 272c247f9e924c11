package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * {@code mvn verify}) gives exactly what the JVM gives: every example of every rule and every
 * config of the real-config corpus, in English and Chinese, run in Node.
 */
class BrowserCheckerParityTest {

    private static final Path BUNDLE = Path.of("target/classes/checker/checker.js");

    @TempDir
    Path dir;

    record Case(String name, List<FileChecker.NamedText> files, Map<String, String> environment) {
    }

    @Test
    void theBrowserBundleFindsWhatTheJvmFinds() throws IOException, InterruptedException {
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
        ObjectMapper json = new ObjectMapper();
        Path in = dir.resolve("cases.json");
        Path out = dir.resolve("results.json");
        json.writeValue(in.toFile(), requests);
        Process node = new ProcessBuilder("node", Path.of("src/test/js-checker/run-checker.mjs").toAbsolutePath().toString(),
                BUNDLE.toAbsolutePath().toString(), in.toString(), out.toString()).redirectErrorStream(true).start();
        String log = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.waitFor(), log);
        List<?> results = json.readValue(out.toFile(), List.class);
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
