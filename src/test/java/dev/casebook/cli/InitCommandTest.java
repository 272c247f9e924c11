package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new team's first step: init writes a knowledge base that builds and checks strictly, with workflows that pin Casebook. */
class InitCommandTest {

    @TempDir
    Path dir;

    private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private MainTest.Run init(Path kb, String... more) {
        List<String> args = new ArrayList<>(List.of("init", kb.toString(), "--casebook-version", "0.2.0",
                "--pin-sha256", SHA, "--date", "2026-12-01"));
        args.addAll(List.of(more));
        return MainTest.run(args.toArray(String[]::new));
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void initThenNewThenBuildAndCheckStrictly() throws IOException {
        Path kb = dir.resolve("kb");
        MainTest.Run r = init(kb);
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(".github/workflows/check.yml", ".github/workflows/pages.yml", ".gitignore", "README.md",
                "content/_site.yaml", "content/getting-started/port-already-allocated/index.en.md",
                "content/getting-started/port-already-allocated/index.zh.md"), files(kb));
        MainTest.Run added = MainTest.run("new", "printing/queue-stuck", "--site", kb.toString(), "--date", "2026-12-02");
        assertEquals(0, added.code(), added.err());
        // the new article is a draft full of TODOs: a strict check lists each one
        MainTest.Run untouched = MainTest.run("check", "--strict", "--site", kb.toString());
        assertEquals(1, untouched.code(), untouched.out());
        assertTrue(untouched.out().startsWith("content/printing/queue-stuck/index.en.md:2:9: warning[placeholder]: "
                + "`TODO: the symptom or error, as a reader would search for it` is a placeholder from the article template\n"), untouched.out());
        assertTrue(untouched.err().startsWith("casebook check: 1 article, 0 errors, 19 warnings"), untouched.err());
        // written and published, it passes
        Files.writeString(kb.resolve("content/printing/queue-stuck/index.en.md"), """
                ---
                title: "Print jobs stay in the queue"
                summary: "The spooler stopped, so jobs wait forever."
                date: 2026-12-02
                ---

                ## Fix

                Restart the spooler, as [the print spooler docs](https://learn.microsoft.com/troubleshoot/windows-server/printing/) say.
                """);
        Files.writeString(kb.resolve("content/printing/queue-stuck/index.zh.md"), """
                ---
                title: "打印任务一直排队"
                summary: "打印后台服务停了，任务一直等待。"
                date: 2026-12-02
                errors:
                  - "The print spooler service is not running"
                tags: [printing]
                ---

                ## 解决方法

                按照[打印后台处理程序文档](https://learn.microsoft.com/troubleshoot/windows-server/printing/)重启打印后台服务。
                """);
        MainTest.Run check = MainTest.run("check", "--strict", "--site", kb.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.err().startsWith("casebook check: 2 articles, 0 errors, 0 warnings"), check.err());
        MainTest.Run build = MainTest.run("build", "--strict", "--site", kb.toString(), "--base-url", "https://org.github.io/kb/");
        assertEquals(0, build.code(), build.out() + build.err());
        assertTrue(Files.isRegularFile(kb.resolve("target/site/zh/getting-started/port-already-allocated/index.html")));
        assertTrue(Files.notExists(kb.resolve("target/site/en/rules")), "no rule pack asked for: no rule pages");
        String site = Files.readString(kb.resolve("content/_site.yaml"));
        assertTrue(site.startsWith("# The site's configuration.") && site.contains("languages: [zh, en]\n")
                && site.contains("# rule_packs: [docker]\n"), site);
    }

    /** Each workflow is the shape GitHub Actions runs: triggers, jobs on a runner, steps that use an action or run a command. */
    @Test
    void theWorkflowsDownloadThePinnedReleaseAndVerifyItsChecksum() throws IOException {
        Path kb = dir.resolve("kb");
        assertEquals(0, init(kb).code());
        for (String name : List.of("check.yml", "pages.yml")) {
            Path file = kb.resolve(".github/workflows/" + name);
            var stream = new YamlReader().read(Files.readString(file), name);
            assertTrue(stream.diagnostics().isEmpty(), stream.diagnostics().toString());
            YamlMapping root = (YamlMapping) stream.single().orElseThrow();
            assertTrue(root.has("name") && root.has("on") && root.has("jobs"), name);
            YamlMapping env = (YamlMapping) root.get("env").orElseThrow();
            assertEquals("0.2.0", text(env.get("CASEBOOK_VERSION").orElseThrow()));
            assertEquals(SHA, text(env.get("CASEBOOK_SHA256").orElseThrow()));
            List<String> runs = new ArrayList<>();
            for (YamlMapping.Entry job : ((YamlMapping) root.get("jobs").orElseThrow()).effective()) {
                YamlMapping spec = (YamlMapping) job.value();
                assertTrue(spec.has("runs-on"), name + " " + job.name());
                for (YamlNode step : ((YamlSequence) spec.get("steps").orElseThrow()).items()) {
                    YamlMapping s = (YamlMapping) step;
                    assertTrue(s.has("uses") != s.has("run"), name + ": a step uses an action or runs a command");
                    s.get("run").ifPresent(run -> runs.add(text(run)));
                }
            }
            String download = runs.stream().filter(r -> r.contains("curl")).findFirst().orElseThrow();
            assertTrue(download.contains("https://github.com/casebook-kb/casebook/releases/download/v${CASEBOOK_VERSION}/casebook.jar"),
                    download);
            assertTrue(download.contains("echo \"${CASEBOOK_SHA256}  $RUNNER_TEMP/casebook.jar\" | sha256sum -c -"), download);
            if (name.equals("pages.yml")) {
                assertTrue(Files.readString(file).contains("fetch-depth: 0"), "the whole history, for dates from git");
            }
            assertTrue(runs.stream().anyMatch(r -> r.contains("casebook.jar\" " + (name.equals("pages.yml")
                    ? "build --strict --format github --base-url" : "check --strict --format github"))), runs.toString());
        }
    }

    private static String text(YamlNode node) {
        return ((YamlScalar) node).text();
    }

    @Test
    void refusesAFolderWithFilesButTakesOneWithOnlyGit() throws IOException {
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        MainTest.Run refused = init(busy);
        assertEquals(2, refused.code());
        assertEquals("casebook init: " + busy + " is not empty (it holds notes.txt); start a knowledge base in an empty folder\n",
                refused.err());
        assertEquals(List.of("notes.txt"), files(busy));
        Path fresh = Files.createDirectories(dir.resolve("fresh/.git"));
        assertEquals(0, init(fresh.getParent()).code());
    }

    @Test
    void aLanguageTheThemeLacksGetsItsUiStringsToTranslateAndARulePackChecksTheExample() throws IOException {
        Path kb = dir.resolve("ja");
        assertEquals(0, init(kb, "--languages", "ja,en", "--title", "社内ナレッジ", "--rule-packs", "docker").code());
        assertTrue(Files.readString(kb.resolve("templates/i18n/ja.yaml")).startsWith("# The theme's UI strings for `ja`"));
        assertTrue(Files.readString(kb.resolve("content/_site.yaml")).contains("rule_packs: [docker]\n"));
        MainTest.Run build = MainTest.run("build", "--strict", "--site", kb.toString());
        assertEquals(0, build.code(), build.out() + build.err());
        String page = Files.readString(kb.resolve("target/site/en/getting-started/port-already-allocated/index.html"));
        assertTrue(page.contains("<span class=\"check check-valid\">"), "the docker pack checked the compose block");
        assertTrue(page.contains("社内ナレッジ"), "the site's title, given once for every language");
    }

    @Test
    void aRunFromClassesNeedsThePinnedChecksum() {
        MainTest.Run r = MainTest.run("init", dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("casebook init: this Casebook does not run from a jar: give --pin-sha256"), r.err());
    }

    @Test
    void themeListsThePackagedFilesAndEjectsOneWithoutOverwriting() throws IOException {
        Path kb = dir.resolve("kb");
        assertEquals(0, init(kb).code());
        MainTest.Run list = MainTest.run("theme", "--site", kb.toString());
        assertTrue(list.out().contains("      article.peb\n") && list.out().contains("      i18n/zh.yaml\n"), list.out());
        MainTest.Run eject = MainTest.run("theme", "--site", kb.toString(), "--eject", "article.peb");
        assertEquals(0, eject.code(), eject.err());
        assertEquals("wrote templates/article.peb\n", eject.out());
        assertEquals(List.of("article.peb"), files(kb.resolve("templates")));
        assertTrue(MainTest.run("theme", "--site", kb.toString()).out().contains("site  article.peb\n"));
        Files.writeString(kb.resolve("templates/article.peb"), "mine");
        assertEquals(0, MainTest.run("theme", "--site", kb.toString(), "--eject", "article.peb").code());
        assertEquals("mine", Files.readString(kb.resolve("templates/article.peb")), "an ejected file is never overwritten");
        MainTest.Run unknown = MainTest.run("theme", "--site", kb.toString(), "--eject", "../../etc/passwd");
        assertEquals(2, unknown.code());
    }
}
