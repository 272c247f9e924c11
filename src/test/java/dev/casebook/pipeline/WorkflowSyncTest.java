package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.yaml.YamlMapping;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import dev.casebook.yaml.YamlSequence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One source of truth for how the project is checked: the README names two commands, .ci/run
 * installs the tools and runs both, and every workflow runs .ci/run and nothing else of its own.
 */
class WorkflowSyncTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** The commands of the README's "The two commands" block, without their comments. */
    private static List<String> readmeCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("## The two commands.*?```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README has a 'The two commands' section with a sh block");
        List<String> commands = new ArrayList<>();
        for (String line : m.group(1).split("\n")) {
            String command = line.replaceFirst("#.*", "").strip();
            if (!command.isEmpty()) {
                commands.add(command);
            }
        }
        return commands;
    }

    private static List<String> ciCommands() throws IOException {
        return Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void ciRunsTheReadmesCommandsAndEndsWithTheTestCommand() throws IOException {
        List<String> readme = readmeCommands();
        assertEquals(2, readme.size(), readme.toString());
        String build = readme.get(0);
        String test = readme.get(1);
        assertEquals("./casebook build", build);
        assertEquals("mvn -B verify", test);
        List<String> ci = ciCommands();
        assertTrue(ci.stream().anyMatch(l -> l.startsWith(build + " --strict")), "CI builds the knowledge base strictly");
        // the test command comes last (its summary closes the log); -ntp only quiets downloads
        assertEquals(test, ci.get(ci.size() - 1).replace(" -ntp", ""));
    }

    @Test
    void everyWorkflowRunsCiRunOnTheSameDebian() throws IOException {
        List<Path> workflows;
        try (var files = Files.list(ROOT.resolve(".github/workflows"))) {
            workflows = files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertEquals(List.of("ci.yml", "pages.yml"), workflows.stream().map(p -> p.getFileName().toString()).toList());
        for (Path workflow : workflows) {
            YamlMapping root = (YamlMapping) new YamlReader().read(Files.readString(workflow), workflow.toString())
                    .single().orElseThrow();
            YamlMapping jobs = (YamlMapping) root.entry("jobs").orElseThrow().value();
            List<String> runs = new ArrayList<>();
            for (YamlMapping.Entry job : jobs.effective()) {
                YamlMapping spec = (YamlMapping) job.value();
                if (spec.entry("steps").isEmpty()) {
                    continue;
                }
                boolean runsSomething = false;
                for (YamlNode step : ((YamlSequence) spec.entry("steps").get().value()).items()) {
                    ((YamlMapping) step).entry("run").ifPresent(r -> runs.add(((YamlScalar) r.value()).text().strip()));
                    runsSomething |= ((YamlMapping) step).entry("run").isPresent();
                }
                if (runsSomething) {
                    assertEquals("debian:bookworm", text(spec, "container"), workflow + " " + job.name()
                            + " runs on the Debian of the project's machines, where .ci/run's packages exist");
                }
            }
            assertEquals(List.of("bash .ci/run"), runs, workflow + " runs .ci/run and no command of its own");
        }
    }

    @Test
    void theJavaRelease17IsWhatCiInstalls() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertTrue(pom.contains("<maven.compiler.release>17</maven.compiler.release>"));
        assertTrue(String.join("\n", ciCommands()).contains("openjdk-17-jdk-headless"));
        assertFalse(String.join("\n", ciCommands()).contains("npx playwright install"), "no browser download");
    }

    private static String text(YamlMapping map, String key) {
        return map.entry(key).map(e -> ((YamlScalar) e.value()).text()).orElse("");
    }
}
