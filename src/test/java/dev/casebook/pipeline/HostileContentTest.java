package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Diagnostic;
import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content as an attacker or a careless contributor would write it: every case builds within
 * 10 s (the suite runs under -Xmx512m), with positioned diagnostics or safe output, no
 * exception, nothing written outside the output folder, and the previous site untouched when
 * the build fails. Small cases are files in src/test/resources/hostile/; big ones are made here.
 */
@Tag("hostile")
class HostileContentTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String FRONT = "---\ntitle: T\nsummary: S\ndate: 2025-01-01\n---\n";

    @TempDir
    Path dir;

    /** What a case says must hold. */
    record Expectations(List<String> expect, Boolean written, List<String> absent, List<String> present) {
        static Expectations parse(String spec) {
            List<String> expect = new ArrayList<>();
            List<String> absent = new ArrayList<>();
            List<String> present = new ArrayList<>();
            Boolean written = null;
            for (String line : spec.split("\n")) {
                if (line.startsWith("# expect: ")) {
                    expect.add(line.substring(10));
                } else if (line.startsWith("# written: ")) {
                    written = line.substring(11).strip().equals("yes");
                } else if (line.startsWith("# absent: ")) {
                    absent.add(line.substring(10));
                } else if (line.startsWith("# present: ")) {
                    present.add(line.substring(11));
                }
            }
            return new Expectations(expect, written, absent, present);
        }
    }

    @TestFactory
    Stream<DynamicTest> casesInFiles() throws IOException {
        List<String> names;
        try (InputStream index = getClass().getClassLoader().getResourceAsStream("hostile/")) {
            names = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().filter(n -> n.endsWith(".site")).sorted().toList();
        }
        assertTrue(names.size() >= 12, names.toString());
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String spec = resource("hostile/" + name);
            Path site = dir.resolve(name.replace(".site", ""));
            TestSite.write(site, spec);
            check(site, Expectations.parse(spec));
        }));
    }

    @TestFactory
    Stream<DynamicTest> generatedCases() {
        Map<String, Runnable> cases = new TreeMap<>();
        markdown(cases, "500 nested quotes", ">".repeat(500) + " deep\n",
                "content/a/b/index.en.md:6:1: error[markdown-limit]: Markdown beyond a safety limit: block quotes nested 500 deep (the limit is 32)");
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            lists.append("  ".repeat(i)).append("- item\n");
        }
        markdown(cases, "500 nested list items", lists.toString(),
                "content/a/b/index.en.md:39:1: error[markdown-limit]: Markdown beyond a safety limit: a list item indented 66 columns (the limit is 64)");
        markdown(cases, "5,000 stars", "*".repeat(5000) + "x" + "*".repeat(5000) + "\n",
                "content/a/b/index.en.md:6:101: error[markdown-limit]: Markdown beyond a safety limit: a run of more than 100 `*`");
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            links.append("[a").append(i).append("](https://e.org/").append(i).append(") ");
        }
        markdown(cases, "10,000 links on one line", links + "\n",
                "content/a/b/index.en.md:6:1: error[markdown-limit]: Markdown beyond a safety limit: a line of 277780 characters (the limit is 20000)");
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            images.append("![i](i").append(i).append(".png)\n");
        }
        markdown(cases, "100,000 images", images.toString(),
                "content/a/b/index.en.md:1006:1: error[markdown-limit]: Markdown beyond a safety limit: more than 1000 links in one paragraph");
        StringBuilder refs = new StringBuilder("[x][r0]\n\n");
        for (int i = 0; i < 100_000; i++) {
            refs.append("[r").append(i).append("]: https://e.org/").append(i).append('\n');
        }
        markdown(cases, "100,000 reference definitions", refs.toString(),
                "content/a/b/index.en.md:5008:1: error[markdown-limit]: Markdown beyond a safety limit: more than 5000 link reference definitions in one article");
        markdown(cases, "2,500 backtick runs", "`a` ".repeat(2500) + "\n",
                "content/a/b/index.en.md:6:1: error[markdown-limit]: Markdown beyond a safety limit: more than 1000 code spans in one paragraph");
        markdown(cases, "a 3.3 MB ab.ab.ab line", "ab.".repeat(1_100_000) + "\n",
                "content/a/b/index.en.md:6:1: error[markdown-limit]: Markdown beyond a safety limit: a line of 3300000 characters (the limit is 20000)");
        markdown(cases, "100,000 spaces then a line break", "x" + " ".repeat(100_000) + "\ny\n",
                "content/a/b/index.en.md:6:1: error[markdown-limit]: Markdown beyond a safety limit: a line of 100001 characters (the limit is 20000)");
        markdown(cases, "a heading of 19,000 spaces", "## " + " ".repeat(19_000) + "x\n", null);
        cases.put("a .env value of 150,000 unclosed ${", () -> {
            Path site = article("```dotenv file=.env\nA=" + "${A:-".repeat(150_000) + "\n```\n");
            check(site, new Expectations(List.of(), null, List.of(), List.of()));
        });
        cases.put("40,000 equal headings build", () -> {
            Path site = article("## Same\n".repeat(40_000));
            check(site, new Expectations(List.of(), true, List.of(), List.of("id=\"same-39999\"")));
        });
        cases.put("one 300 KB string repeated 2,000 times by alias", () -> {
            String fm = "---\ntitle: T\nsummary: &s " + "x".repeat(300_000) + "\ndate: 2025-01-01\nerrors: ["
                    + String.join(", ", java.util.Collections.nCopies(2000, "*s")) + "]\n---\nBody.\n";
            Path site = dir.resolve("alias");
            write(site.resolve("content/a/b/index.en.md"), fm.getBytes(StandardCharsets.UTF_8));
            check(site, new Expectations(List.of("content/a/b/index.en.md:3:10: error[yaml-limit]: YAML expands to more than "
                    + "4000000 characters (an alias repeats a long text?)"), false, List.of(), List.of()));
        });
        cases.put("a 3.5 MB snippet with deep indentation", () -> {
            StringBuilder yaml = new StringBuilder("```yaml file=config.yaml\n");
            while (yaml.length() < 3_500_000) {
                yaml.append(" ".repeat(900)).append("key: value\n");
            }
            Path site = article(yaml.append("```\n").toString());
            check(site, new Expectations(List.of("content/a/b/index.en.md:7:1: error[yaml-limit]: YAML text is longer than "
                    + "1000000 characters"), false, List.of(), List.of()));
        });
        cases.put("control and bidi characters", () -> {
            Path site = article("Evil \u202Eeulav\u202C and a bell \u0007 and escape \u001B[31m.\n");
            check(site, new Expectations(List.of("content/a/b/index.en.md:6:6: warning[encoding]: control character U+202E "
                    + "replaced by U+FFFD (4 in this file)"), true, List.of("\u202E", "\u0007", "\u001B"), List.of()));
        });
        cases.put("UTF-16 file", () -> {
            Path site = dir.resolve("utf16");
            write(site.resolve("content/a/b/index.en.md"), (FRONT + "Body.\n").getBytes(StandardCharsets.UTF_16));
            check(site, new Expectations(List.of("content/a/b/index.en.md:1:1: error[encoding]: file is not valid UTF-8"),
                    false, List.of(), List.of()));
        });
        cases.put("symbolic link as _site.yaml", () -> {
            Path site = article("Body.\n");
            Path outside = dir.resolve("outside.yaml");
            write(outside, "title: Stolen\naws_secret_access_key: AKIA\n".getBytes(StandardCharsets.UTF_8));
            link(site.resolve("content/_site.yaml"), outside);
            check(site, new Expectations(List.of("content/_site.yaml:1:1: error[config-site]: content/_site.yaml is a symbolic "
                    + "link, which is not followed"), false, List.of(), List.of()));
        });
        cases.put("symbolic link in the theme", () -> {
            Path site = article("Body.\n");
            link(site.resolve("templates/assets/style.css"), Path.of("/etc/passwd"));
            check(site, new Expectations(List.of("templates/assets/style.css:1:1: error[config-theme]: symbolic link in the theme, "
                    + "which is not followed"), false, List.of(), List.of()));
        });
        cases.put("symbolic link to a section and a bundle", () -> {
            Path site = article("Body.\n");
            Path elsewhere = dir.resolve("elsewhere/c");
            write(elsewhere.resolve("index.en.md"), (FRONT + "Elsewhere.\n").getBytes(StandardCharsets.UTF_8));
            link(site.resolve("content/linked"), elsewhere.getParent());
            link(site.resolve("content/a/c"), elsewhere);
            check(site, new Expectations(List.of(
                    "content/a/c:1:1: error[layout]: symbolic link in content/, which Casebook never follows",
                    "content/linked:1:1: error[layout]: symbolic link in content/, which Casebook never follows"),
                    false, List.of(), List.of()));
        });
        cases.put("a UI string missing from the site's theme", () -> {
            Path site = article("Body.\n");
            write(site.resolve("templates/i18n/en.yaml"), "language_name: English\n".getBytes(StandardCharsets.UTF_8));
            check(site, new Expectations(List.of(), false, List.of(), List.of()));
        });
        cases.put("bundle files named with space, #, ? and %", () -> {
            Path site = article("[a](a%20b%23c%3F%25.txt) and www.example.com\n");
            write(site.resolve("content/a/b/a b#c?%.txt"), "data\n".getBytes(StandardCharsets.UTF_8));
            check(site, new Expectations(List.of(), true, List.of(),
                    List.of("href=\"/en/a/b/a%20b%23c%3F%25.txt\"", "href=\"https://www.example.com\"")));
        });
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), e.getValue()::run));
    }

    private void markdown(Map<String, Runnable> cases, String name, String body, String expect) {
        cases.put(name, () -> check(article(body), new Expectations(expect == null ? List.of() : List.of(expect),
                expect == null ? null : false, List.of(), List.of())));
    }

    private Path article(String body) {
        Path site = dir.resolve("case-" + System.nanoTime());
        write(site.resolve("content/a/b/index.en.md"), (FRONT + body).getBytes(StandardCharsets.UTF_8));
        return site;
    }

    /** Builds a good site into {@code out}, then {@code site} into the same place, and checks everything a case promises. */
    private void check(Path site, Expectations expectations) {
        Path out = dir.resolve("out-" + site.getFileName());
        Path good = dir.resolve("good-" + site.getFileName());
        TestSite.write(good, "-- content/g/good/index.en.md --\n" + FRONT + "The previous site.\n");
        assertTrue(new SiteBuild().build(BuildOptions.of(good, out)).written());
        Map<String, String> before = snapshot(out);
        List<String> outside = outsideOut(out);

        BuildResult result = assertTimeoutPreemptively(BOUND, () -> new SiteBuild().build(BuildOptions.of(site, out)));

        List<String> headlines = result.report().diagnostics().stream().map(Diagnostic::headline).toList();
        for (String expected : expectations.expect()) {
            assertTrue(headlines.contains(expected), "expected\n  " + expected + "\namong\n  " + String.join("\n  ", headlines));
        }
        if (expectations.written() != null) {
            assertEquals(expectations.written(), result.written(), headlines.toString());
        }
        if (result.written()) {
            Map<String, String> site1 = snapshot(out);
            for (String text : expectations.absent()) {
                site1.forEach((path, content) -> assertFalse(content.contains(text), path + " contains " + text));
            }
            for (String text : expectations.present()) {
                assertTrue(site1.values().stream().anyMatch(c -> c.contains(text)), "no file contains " + text);
            }
        } else {
            assertEquals(before, snapshot(out), "a failed build leaves the previous site as it was");
        }
        assertEquals(outside, outsideOut(out), "nothing written outside the output folder");
        assertFalse(Files.exists(Path.of("/tmp/casebook-pwned")), "no content ran");
    }

    /** Every file of the site at {@code out}, with its text. */
    private static Map<String, String> snapshot(Path out) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out.toRealPath())) {
            Path root = out.toRealPath();
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The files of the test folder outside the output path and its own siblings. */
    private List<String> outsideOut(Path out) {
        String name = out.getFileName().toString();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.startsWith(out) && !dir.relativize(p).toString().startsWith("." + name + "."))
                    .map(p -> dir.relativize(p).toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HostileContentTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void link(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
