package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Configs nobody here wrote, in {@code src/test/resources/real-configs/}: official examples of
 * WrenAI and LiteLLM, validated the way their comments say to use them, and configs rebuilt from
 * issue threads. Each case lists every finding a correct validator gives; anything else is a false
 * alarm, and a thread's cause that is not reported is a miss. The figures are printed.
 */
class RealConfigCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/real-configs");
    private static final FileChecker CHECKER = new FileChecker(new Validator(Catalog.builtIn()));

    record Result(String name, String kind, List<String> expected, List<String> found, List<String> causes) {
        List<String> falseAlarms() {
            return found.stream().filter(f -> !expected.contains(f)).toList();
        }

        List<String> missed() {
            return expected.stream().filter(e -> !found.contains(e)).toList();
        }

        List<String> missedCauses() {
            return causes.stream().filter(rule -> found.stream().noneMatch(f -> f.endsWith("[" + rule + "]"))).toList();
        }
    }

    @Test
    void everyCaseGivesExactlyItsFindings() throws IOException {
        List<Result> results = new ArrayList<>();
        try (Stream<Path> cases = Files.list(CORPUS)) {
            for (Path dir : cases.filter(d -> Files.isRegularFile(d.resolve("case.yaml"))).sorted().toList()) {
                results.add(run(dir));
            }
        }
        assertTrue(results.size() >= 20, "the corpus has " + results.size() + " cases");
        int official = 0;
        int threads = 0;
        int falseAlarms = 0;
        int truePositives = 0;
        int causes = 0;
        int causesFound = 0;
        List<String> problems = new ArrayList<>();
        for (Result r : results) {
            if (r.kind().equals("official")) {
                official++;
            } else {
                threads++;
            }
            falseAlarms += r.falseAlarms().size();
            truePositives += (int) r.found().stream().filter(r.expected()::contains).count();
            causes += r.causes().size();
            causesFound += r.causes().size() - r.missedCauses().size();
            r.falseAlarms().forEach(f -> problems.add(r.name() + ": unexpected " + f));
            r.missed().forEach(f -> problems.add(r.name() + ": missing " + f));
        }
        System.out.printf(Locale.ROOT, "[real-configs] %d cases (%d official, %d from threads): %d findings expected and given, "
                        + "%d false alarms; thread causes reported %d of %d%n",
                results.size(), official, threads, truePositives, falseAlarms, causesFound, causes);
        assertEquals(List.of(), problems);
        assertEquals(causes, causesFound);
    }

    @SuppressWarnings("unchecked")
    private static Result run(Path dir) throws IOException {
        Map<String, Object> spec = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(dir.resolve("case.yaml"), StandardCharsets.UTF_8));
        String kind = (String) spec.get("kind");
        assertTrue(List.of("official", "thread").contains(kind), dir + ": kind");
        assertTrue(String.valueOf(spec.get("source")).startsWith("https://github.com/"), dir + ": every case names its source");
        Map<String, String> env = (Map<String, String>) Optional.ofNullable(spec.get("env")).orElse(Map.of());
        List<FileChecker.NamedText> files = new ArrayList<>();
        for (Map.Entry<String, String> f : ((Map<String, String>) spec.get("files")).entrySet()) {
            String text = Files.readString(dir.resolve(f.getValue()), StandardCharsets.UTF_8);
            if (f.getKey().equals(".env")) {
                text = withValues(text, env);
            }
            files.add(new FileChecker.NamedText(f.getKey(), text));
        }
        Map<String, Object> options = (Map<String, Object>) Optional.ofNullable(spec.get("options")).orElse(Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        Optional.ofNullable(options.get("wren_version")).ifPresent(v -> values.put("wren_ai_service_version", String.valueOf(v)));
        Optional.ofNullable(options.get("deployment")).ifPresent(v -> values.put("deployment", String.valueOf(v)));
        Optional.ofNullable(options.get("host_os")).ifPresent(v -> values.put("host_os", String.valueOf(v)));
        List<String> found = CHECKER.check(files, Environment.of(values), "en").stream()
                .map(RealConfigCorpusTest::finding).toList();
        List<String> expected = new ArrayList<>();
        for (Object e : (List<Object>) Optional.ofNullable(spec.get("expect")).orElse(List.of())) {
            Map<String, String> entry = (Map<String, String>) e;
            assertTrue(entry.containsKey("why") && !entry.get("why").isBlank(), dir + ": every expected finding says why");
            expected.add(entry.get("finding"));
        }
        List<String> causes = (List<String>) Optional.ofNullable(spec.get("cause")).orElse(List.of());
        return new Result(dir.getFileName().toString(), kind, expected, found, causes);
    }

    /** {@code config.yaml:26:12: warning[LLM001]}: where, how bad and which rule, without the message. */
    private static String finding(Diagnostic d) {
        String headline = d.headline();
        return headline.substring(0, headline.indexOf(']') + 1);
    }

    /** The .env text with {@code values} set: an existing {@code KEY=} line is filled in, else the line is added. */
    static String withValues(String text, Map<String, String> values) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (Map.Entry<String, String> v : new java.util.TreeMap<>(values).entrySet()) {
            boolean set = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(v.getKey() + "=")) {
                    lines.set(i, v.getKey() + "=" + v.getValue());
                    set = true;
                }
            }
            if (!set) {
                lines.add(v.getKey() + "=" + v.getValue());
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
