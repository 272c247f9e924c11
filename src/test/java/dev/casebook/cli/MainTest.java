package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static final String ARTICLE = """
            -- content/litellm/a/index.en.md --
            ---
            title: A
            summary: S
            date: 2025-02-18
            ---
            Body.
            """;

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("build"), help.out());
        assertTrue(help.out().contains("  2   usage or configuration error"), help.out());
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().matches("casebook \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"
                + "LiteLLM facts: LiteLLM providers @001c64f24845, model map of 2025-09-01\\R"), version.out());
        Run buildHelp = run("build", "--help");
        assertTrue(buildHelp.out().contains("--base-url=URL"), buildHelp.out());
    }

    @Test
    void buildsAFolderThatHoldsOnlyContentWithTheThemeFromTheJar() {
        TestSite.write(dir, ARTICLE);
        assertFalse(Files.exists(dir.resolve("templates")));
        Run r = run("build", "--site", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out()); // the report: nothing to say
        // the summary counts the pages written under the language's folder, whatever kinds the renderer has
        long pages;
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.walk(dir.resolve("target/site/en").toRealPath())) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".html")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // a site that names no rule pack gets no rule pages, no check page and no checker script
        assertTrue(Files.notExists(dir.resolve("target/site/en/rules")) && Files.notExists(dir.resolve("target/site/en/check")));
        try (java.util.stream.Stream<java.nio.file.Path> assets = Files.list(dir.resolve("target/site/assets"))) {
            assertEquals(List.of(), assets.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("check")).toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // home, section, article, tags, the error index, products, translations, search
        assertEquals(8, pages);
        assertTrue(r.err().startsWith("casebook build: 1 article, " + pages + " pages (en " + pages + "), "), r.err());
        assertTrue(r.err().endsWith("\nnote: no sitemap.xml: a sitemap needs absolute URLs, and the site has no base URL; "
                + "set base_url in content/_site.yaml or pass --base-url https://org.github.io/kb/\n"), r.err());
        assertTrue(Files.exists(dir.resolve("target/site/en/litellm/a/index.html")));
        // the summary counts every file written, the search index's included (the marker is the writer's own)
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.walk(dir.resolve("target/site").toRealPath())) {
            long written = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".casebook-output")).count();
            assertTrue(r.err().contains(" pages (en " + pages + "), " + written + " files, "), r.err());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void timingsListEveryStageInPipelineOrder() {
        TestSite.write(dir, ARTICLE);
        Run r = run("build", "--site", dir.toString(), "--timings");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.matches(
                // the stage table's order; the search index is built while the pages are written (publish)
                "stages: load [0-9.]+ s, parse [0-9.]+ s, validate [0-9.]+ s, check [0-9.]+ s, search [0-9.]+ s, "
                        + "render [0-9.]+ s, publish [0-9.]+ s; peak heap [0-9]+ MB")), r.err());
    }

    @Test
    void aBuildWithACacheSaysHowManyTranslationsItReadFromIt() {
        TestSite.write(dir, ARTICLE);
        String cache = dir.resolve("target/cache").toString();
        Run cold = run("build", "--site", dir.toString(), "--cache", cache);
        assertEquals(0, cold.code(), cold.err());
        assertTrue(cold.err().endsWith("\nnote: cache " + cache + ": 0 of 1 translations read from it, 1 parsed; "
                + "the words of 0 of 1 search documents read from it\n"), cold.err());
        Run warm = run("check", "--site", dir.toString(), "--cache", cache);
        assertEquals(0, warm.code(), warm.err());
        assertTrue(warm.err().endsWith("\nnote: cache " + cache + ": 1 of 1 translations read from it, 0 parsed; "
                + "the words of 1 of 1 search documents read from it\n"), warm.err());
    }

    @Test
    void contentErrorsExitWithOneAndPrintEveryDiagnostic() {
        TestSite.write(dir, ARTICLE.replace("title: A", "titel: A") + """
                -- content/litellm/b/index.en.md --
                ---
                title: B
                summary: S
                date: 2025-02-18
                ---
                [x](../nope/index.en.md)
                """);
        Run r = run("build", "--site", dir.toString());
        assertEquals(1, r.code());
        assertEquals("""
                content/litellm/a/index.en.md:1:1: error[front-matter-missing]: front matter has no `title`
                  hint: every article file needs `title`, `summary` and `date` (YYYY-MM-DD)
                content/litellm/a/index.en.md:2:1: error[front-matter-unknown-key]: unknown key `titel` in front matter
                  hint: did you mean `title`?
                content/litellm/b/index.en.md:6:5: error[broken-link]: broken link `../nope/index.en.md`: no article at content/litellm/nope
                  hint: link to another article as ../../<section>/<slug>/index.<lang>.md (drafts are not published)
                """, r.out());
        assertTrue(r.err().startsWith("casebook build: 3 errors, 0 warnings; site not written"), r.err());
        assertFalse(Files.exists(dir.resolve("target/site")));
    }

    @Test
    void githubFormatPrintsWorkflowAnnotations() {
        TestSite.write(dir, ARTICLE.replace("date: 2025-02-18", "date: 2025-13-01"));
        Run r = run("build", "--site", dir.toString(), "--format", "github");
        assertEquals(1, r.code());
        assertEquals("::error file=content/litellm/a/index.en.md,line=4,col=7,title=front-matter-date::"
                + "`date` is not a real date: 2025-13-01%0Awrite an existing day as YYYY-MM-DD\n", r.out());
    }

    @Test
    void warningsFailOnlyWithStrict() {
        TestSite.write(dir, ARTICLE.replace("Body.", "[x](javascript:void(0))"));
        assertEquals(0, run("build", "--site", dir.toString()).code());
        assertEquals(1, run("build", "--site", dir.toString(), "--strict").code());
    }

    @Test
    void usageAndConfigurationErrorsExitWithTwo() throws IOException {
        TestSite.write(dir, ARTICLE);
        assertEquals(2, run("build", "--bogus").code());
        assertEquals(2, run("build", "--site", dir.toString(), "--base-url", "ftp://x/").code());
        assertEquals(2, run("build", "--site", dir.resolve("nowhere").toString()).code());
        assertEquals(2, run().code());

        Path precious = dir.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("notes.txt"), "mine");
        Run refused = run("build", "--site", dir.toString(), "--out", precious.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.out().contains("error[config-output]: refusing to replace"), refused.out());
        assertEquals("mine", Files.readString(precious.resolve("notes.txt")));
    }

    @Test
    void badSiteConfigIsAConfigurationError() {
        TestSite.write(dir, ARTICLE + """
                -- content/_site.yaml --
                languages: [en]
                titel: Casebook
                """);
        Run r = run("build", "--site", dir.toString());
        assertEquals(2, r.code());
        assertEquals("""
                content/_site.yaml:2:1: error[config-unknown-key]: unknown key `titel` in _site.yaml
                  hint: did you mean `title`?
                """, r.out());
    }

    @Test
    void aBrokenSiteTemplateIsAConfigurationErrorAndKeepsThePreviousSite() throws IOException {
        TestSite.write(dir, ARTICLE);
        Path out = dir.resolve("out");
        assertEquals(0, run("build", "--site", dir.toString(), "--out", out.toString()).code());
        String before = Files.readString(out.resolve("en/litellm/a/index.html"));
        TestSite.write(dir, """
                -- templates/article.peb --
                {% extends "base" %}
                {% block content %}{{ article.nonsense }}{% endblock %}
                """);
        Run r = run("build", "--site", dir.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("""
                templates/article.peb:2:1: error[config-template]: template failed for /en/litellm/a/: Attribute [nonsense] of [ArticleView] does not exist or can not be accessed and strict variables is set to true.
                  hint: fix the template; every variable and attribute it uses must exist (strict mode)
                """, r.out());
        assertEquals(before, Files.readString(out.resolve("en/litellm/a/index.html")));
    }

    @Test
    void rebuildReplacesItsOwnOutputAtomically() throws IOException {
        TestSite.write(dir, ARTICLE);
        Path out = dir.resolve("out");
        assertEquals(0, run("build", "--site", dir.toString(), "--out", out.toString()).code());
        Files.writeString(out.resolve("stale.html"), "old");
        assertEquals(0, run("build", "--site", dir.toString(), "--out", out.toString()).code());
        assertFalse(Files.exists(out.resolve("stale.html")));
        assertTrue(Files.exists(out.resolve(".casebook-output")));
        // out is a plain folder, and nothing of the build is left beside it
        assertTrue(Files.isDirectory(out, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(out));
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".out")).toList());
        }
    }

    @Test
    void mistypedCommandsAndOptionsGetTheNearestName() {
        Run typo = run("biuld");
        assertEquals(2, typo.code());
        assertEquals("""
                casebook: unknown command `biuld`; did you mean `build`?
                commands: init, build, serve, check, new, move, translations, validate, rules, theme, help (see `casebook --help`)
                """, typo.err());
        assertTrue(run("chekc").err().startsWith("casebook: unknown command `chekc`; did you mean `check`?\n"));
        Run option = run("build", "--stirct");
        assertEquals(2, option.code());
        assertEquals("""
                casebook build: Unknown option: '--stirct'
                did you mean `--strict`?
                see `casebook build --help`
                """, option.err());
    }

    @Test
    void aMissingSiteFolderIsNamed() {
        Run r = run("build", "--site", dir.resolve("nowhere").toString());
        assertEquals(2, r.code());
        assertEquals("casebook build: --site " + dir.resolve("nowhere") + ": no such folder\nsee `casebook build --help`\n", r.err());
        Run empty = run("check", "--site", dir.toString());
        assertEquals(2, empty.code());
        assertEquals("casebook check: --site " + dir + ": the folder has no content/ folder; run casebook in the knowledge "
                + "base's root, or pass --site DIR\nsee `casebook check --help`\n", empty.err());
    }

    @Test
    void anOutputFolderInsideContentIsRefused() {
        TestSite.write(dir, ARTICLE);
        Run r = run("build", "--site", dir.toString(), "--out", dir.resolve("content/site").toString());
        assertEquals(2, r.code());
        assertEquals(dir.resolve("content/site") + ":1:1: error[config-output]: the output folder is inside content/, so the "
                + "next build would read the site as content\n  hint: build outside content/, e.g. --out target/site\n", r.out());
        assertFalse(Files.exists(dir.resolve("content/site")));
    }
}
