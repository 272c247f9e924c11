package dev.casebook.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.content.SiteSchemas;
import dev.casebook.diag.Diagnostic;
import dev.casebook.validate.schema.JsonSchemas;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Configs nobody here wrote, in {@code src/test/resources/real-configs/}: official examples of
 * WrenAI and LiteLLM, validated the way their comments say to use them, and configs rebuilt from
 * issue threads. Each case lists every finding a correct validator gives; anything else is a false
 * alarm, and a thread's cause that is not reported is a miss. The figures are printed.
 */
class RealConfigCorpusTest {

    private static final FileValidator CHECKER = new FileValidator(new Validator(Catalog.builtIn()),
            JsonSchemas.of(SiteSchemas.NONE).value(), "");

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
        for (RealConfigCase c : RealConfigCase.all()) {
            results.add(run(c));
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

    private static Result run(RealConfigCase c) {
        assertTrue(List.of("official", "thread").contains(c.kind()), c.name() + ": kind");
        assertTrue(c.source().startsWith("https://github.com/"), c.name() + ": every case names its source");
        List<String> found = CHECKER.check(c.files(), Environment.of(c.environment()), "en").stream()
                .map(RealConfigCorpusTest::finding).toList();
        List<String> expected = new ArrayList<>();
        for (Map<String, String> entry : c.expect()) {
            assertTrue(entry.containsKey("why") && !entry.get("why").isBlank(), c.name() + ": every expected finding says why");
            expected.add(entry.get("finding"));
        }
        return new Result(c.name(), c.kind(), expected, found, c.causes());
    }

    /** The messages of real findings say what the named route really calls, and the fix keeps the file's own host. */
    @Test
    void messagesSayWhatTheRouteReallyCalls() throws IOException {
        Map<String, RealConfigCase> cases = new TreeMap<>();
        for (RealConfigCase c : RealConfigCase.all()) {
            cases.put(c.name(), c);
        }
        RealConfigCase compose = cases.get("litellm-9445-ollama-v1");
        Diagnostic llm002 = CHECKER.check(compose.files(), Environment.of(compose.environment()), "en").get(0);
        assertEquals("config.yaml:5:17: error[LLM002]: `ollama/PetrosStav/gemma3-tools:4b` uses Ollama's native API, and LiteLLM "
                + "appends `/api/generate` to `http://ollama:11434/v1`: the request goes to `…/v1/api/generate` and gets a 404.",
                llm002.headline());
        assertEquals("Remove `/v1` (`api_base: http://ollama:11434`), or keep `/v1` and use `openai/<model>` with a placeholder "
                + "key (see LLM001).", llm002.hint());
        RealConfigCase embedder = cases.get("litellm-docs-xinference-embeddings");
        Diagnostic llm003 = CHECKER.check(embedder.files(), Environment.of(embedder.environment()), "en").stream()
                .filter(d -> d.id().equals("LLM003")).findFirst().orElseThrow();
        assertEquals("config.yaml:5:17: error[LLM003]: `openai/custom_embedding` goes through an OpenAI-compatible route, which "
                + "appends `/embeddings` to `http://0.0.0.0:4000/`; a self-hosted server (Ollama, LM Studio, vLLM, a LiteLLM proxy, "
                + "a text-generation server) serves that API under `/v1`, so the call gets a 404.", llm003.headline());
    }

    /** {@code config.yaml:26:12: warning[LLM001]}: where, how bad and which rule, without the message. */
    private static String finding(Diagnostic d) {
        String headline = d.headline();
        return headline.substring(0, headline.indexOf(']') + 1);
    }
}
