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

    /** The run commands of each job of a workflow, by job, and whether each job runs in debian:bookworm. */
    private record Job(String name, String container, List<String> runs, List<String> uses, YamlMapping spec) {
    }

    private static List<Job> jobs(String workflow) throws IOException {
        Path file = ROOT.resolve(".github/workflows").resolve(workflow);
        YamlMapping root = (YamlMapping) new YamlReader().read(Files.readString(file), workflow).single().orElseThrow();
        List<Job> jobs = new ArrayList<>();
        for (YamlMapping.Entry job : ((YamlMapping) root.entry("jobs").orElseThrow().value()).effective()) {
            YamlMapping spec = (YamlMapping) job.value();
            List<String> runs = new ArrayList<>();
            List<String> uses = new ArrayList<>();
            spec.entry("steps").ifPresent(steps -> ((YamlSequence) steps.value()).items().forEach(step -> {
                ((YamlMapping) step).entry("run").ifPresent(r -> runs.add(((YamlScalar) r.value()).text().strip()));
                ((YamlMapping) step).entry("uses").ifPresent(u -> uses.add(((YamlScalar) u.value()).text().strip()));
            }));
            jobs.add(new Job(job.name(), text(spec, "container"), runs, uses, spec));
        }
        return jobs;
    }

    @Test
    void theTestsRunOnTheSameDebianInCiAndBeforeEveryRelease() throws IOException {
        List<String> workflows;
        try (var files = Files.list(ROOT.resolve(".github/workflows"))) {
            workflows = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
        }
        assertEquals(List.of("ci.yml", "pages.yml", "release.yml"), workflows);
        Job ci = jobs("ci.yml").get(0);
        assertEquals("debian:bookworm", ci.container(), "the Debian of the project's machines, where .ci/run's packages exist");
        assertEquals(List.of("bash .ci/run"), ci.runs(), "ci.yml runs .ci/run and no command of its own");
        Job release = jobs("release.yml").get(0);
        assertEquals("debian:bookworm", release.container());
        assertEquals(List.of("mkdir -p .mvn && echo \"-Drevision=${GITHUB_REF_NAME#v}\" > .mvn/maven.config", "bash .ci/run",
                "(cd target && sha256sum casebook.jar > casebook.jar.sha256)\n"
                        + "bash scripts/release-notes.sh target/casebook.jar > target/release-notes.md"), release.runs(),
                "a release is the tested jar, stamped with the tag's version, with its checksum");
        assertTrue(release.uses().contains("softprops/action-gh-release@v2"), release.uses().toString());
    }

    /** A content fix is published in minutes: the build command, strictly, with no test suite and no browser. */
    @Test
    void pagesBuildsWithTheReadmesCommandAndWaitsForTheTestsWhenCodeChanged() throws IOException {
        Job build = jobs("pages.yml").stream().filter(j -> j.name().equals("build")).findFirst().orElseThrow();
        assertEquals(2, build.runs().size(), build.runs().toString());
        assertEquals("bash scripts/wait-for-tests.sh", build.runs().get(0), "the tests gate the deploy when code changed");
        assertTrue(build.runs().get(1).startsWith(readmeCommands().get(0) + " --strict --format github --base-url "),
                build.runs().get(1));
        for (String run : build.runs()) {
            for (String slow : List.of("apt-get", "chromium", "playwright", "verify", ".ci/run")) {
                assertFalse(run.contains(slow), "pages.yml does not " + slow + ": " + run);
            }
        }
        assertTrue(Files.readString(ROOT.resolve(".github/workflows/pages.yml")).contains("cache: maven"),
                "Maven's repository is cached between deploys");
        String wait = Files.readString(ROOT.resolve("scripts/wait-for-tests.sh"));
        assertTrue(wait.contains("gh run list --workflow ci.yml --commit \"$sha\""), wait);
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
