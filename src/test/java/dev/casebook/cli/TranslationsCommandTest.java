package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Translations record what they were made from; a changed source makes them outdated, visibly. */
class TranslationsCommandTest {

    @TempDir
    Path dir;

    private static final String ZH_BODY = "## 原因\n旧的说明。\n";

    private static final String SITE = """
            -- content/_site.yaml --
            languages: [zh, en]
            -- content/litellm/a/index.zh.md --
            ---
            title: 甲
            summary: 摘要
            date: 2025-02-18
            ---
            ## 原因
            旧的说明。
            -- content/litellm/a/index.en.md --
            ---
            title: A
            summary: S
            date: 2025-02-18
            ---
            ## Cause
            The old explanation.
            -- content/litellm/b/index.zh.md --
            ---
            title: 乙
            summary: 摘要
            date: 2025-02-18
            ---
            只有中文。
            """;

    /** The documented revision: the first 12 hex digits of the SHA-256 of the body, trailing space ignored. */
    private static String revision(String body) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.stripTrailing().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 12);
    }

    @Test
    void stampThenChangeTheSourceThenSeeItOutdatedEverywhere() throws Exception {
        TestSite.write(dir, SITE);
        Path en = dir.resolve("content/litellm/a/index.en.md");

        MainTest.Run stamp = MainTest.run("translations", "--site", dir.toString(), "--stamp", en.toString());
        assertEquals(0, stamp.code(), stamp.err());
        String rev = revision(ZH_BODY);
        assertEquals("content/litellm/a/index.en.md: translated_from: zh@" + rev + "\n", stamp.out());
        assertEquals("""
                ---
                title: A
                summary: S
                date: 2025-02-18
                translated_from: zh@%s
                ---
                ## Cause
                The old explanation.
                """.formatted(rev), Files.readString(en));

        MainTest.Run current = MainTest.run("translations", "--site", dir.toString());
        assertEquals(0, current.code());
        assertEquals("""
                article    zh         en
                litellm/a  original   current
                litellm/b  original   missing
                """, current.out());
        assertEquals("casebook translations: zh 2 original, 0 current, 0 outdated, 0 missing; "
                + "en 0 original, 1 current, 0 outdated, 1 missing\n", current.err());
        assertEquals(1, MainTest.run("translations", "--site", dir.toString(), "--strict").code(), "b is missing in en");

        // the original changes: the translation is now behind
        Path zh = dir.resolve("content/litellm/a/index.zh.md");
        Files.writeString(zh, Files.readString(zh).replace("旧的说明。", "新的说明：多了一步。"));
        String now = revision("## 原因\n新的说明：多了一步。\n");
        MainTest.Run build = MainTest.run("build", "--site", dir.toString());
        assertEquals(0, build.code(), build.out());
        assertEquals("""
                content/litellm/a/index.en.md:5:18: warning[translation-outdated]: translated from zh@%s, but content/litellm/a/index.zh.md has changed since (now zh@%s)
                  hint: bring the translation up to date with the zh text, then run: casebook translations --stamp content/litellm/a/index.en.md
                """.formatted(rev, now), build.out());
        assertEquals(1, MainTest.run("build", "--site", dir.toString(), "--strict").code());

        Document page = Jsoup.parse(dir.resolve("target/site/en/litellm/a/index.html").toFile(), "UTF-8");
        assertEquals("The 中文 original of this article has changed since this translation was made; some details may be "
                + "out of date. Read the current original", page.select(".notice-outdated").text());
        assertEquals("/zh/litellm/a/", page.select(".notice-outdated a").attr("href"));
        assertEquals(0, Jsoup.parse(dir.resolve("target/site/zh/litellm/a/index.html").toFile(), "UTF-8")
                .select(".notice-outdated").size(), "the original has no notice");

        Document status = Jsoup.parse(dir.resolve("target/site/en/translations/index.html").toFile(), "UTF-8");
        // one row per article: its title in the page's language, then the state in zh and in en
        assertEquals(List.of("A original outdated", "乙 original missing"),
                status.select(".status-articles tbody tr").eachText());
        assertEquals(List.of("中文 2 0 0 0", "English 0 0 1 1"), status.select(".status-counts tbody tr").eachText());
        assertEquals(3, status.select(".chart svg.chart-bar rect").size(), "zh: original; en: outdated, missing");
        assertEquals(List.of("中文", "English"), status.select(".chart .chart-label").eachText());
        assertTrue(status.select(".chart").attr("aria-label").endsWith("中文 2 original, 0 current, 0 outdated, 0 missing; "
                + "English 0 original, 0 current, 1 outdated, 1 missing"), status.select(".chart").attr("aria-label"));

        // updated and stamped again: current
        Files.writeString(en, Files.readString(en).replace("The old explanation.", "The new explanation: one more step."));
        assertEquals(0, MainTest.run("translations", "--site", dir.toString(), "--stamp", "content/litellm/a/index.en.md").code());
        assertTrue(Files.readString(en).contains("translated_from: zh@" + now + "\n"), Files.readString(en));
        MainTest.Run again = MainTest.run("build", "--site", dir.toString(), "--strict");
        assertEquals(0, again.code(), again.out());
    }

    @Test
    void aBrokenProvenanceIsPositioned() throws IOException {
        TestSite.write(dir, SITE.replace("date: 2025-02-18\n---\n## Cause", "date: 2025-02-18\ntranslated_from: fr@123\n---\n## Cause"));
        MainTest.Run r = MainTest.run("check", "--site", dir.toString());
        assertEquals(1, r.code());
        assertEquals("""
                content/litellm/a/index.en.md:5:18: error[front-matter-value]: `translated_from` must be <language>@<revision> like zh@3f9c2a1b7d40, not `fr@123`
                  hint: let casebook write it: casebook translations --stamp content/litellm/a/index.en.md
                """, r.out());
    }

    /**
     * A pull request can plant a link at the name the stamp once used for its temporary file (git
     * stores links): the maintainer who stamps must not overwrite what it points to, the article
     * must stay a plain file, and check must report the link.
     */
    @Test
    void aPlantedLinkIsNeverWrittenThroughAndCheckReportsIt() throws Exception {
        TestSite.write(dir, SITE);
        Path victim = Files.writeString(Files.createTempDirectory("victim").resolve("authorized_keys"), "ssh-ed25519 KEEP\n");
        Path en = dir.resolve("content/litellm/a/index.en.md");
        Files.createSymbolicLink(en.resolveSibling(".index.en.md.tmp"), victim);

        MainTest.Run check = MainTest.run("check", "--site", dir.toString());
        assertEquals(1, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("content/litellm/a/.index.en.md.tmp:1:1: error[layout]: symbolic link in content/, "
                + "which Casebook never follows\n"), check.out());

        MainTest.Run stamp = MainTest.run("translations", "--site", dir.toString(), "--stamp", en.toString());
        assertEquals(0, stamp.code(), stamp.err());
        assertEquals("ssh-ed25519 KEEP\n", Files.readString(victim));
        assertTrue(Files.isRegularFile(en, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(en));
        assertTrue(Files.readString(en).contains("translated_from: zh@" + revision(ZH_BODY)), Files.readString(en));
        try (var left = Files.list(en.getParent())) {
            assertEquals(List.of(".index.en.md.tmp", "index.en.md", "index.zh.md"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file is left behind");
        }
    }

    /** An article file that is itself a link is neither read nor replaced by the stamp. */
    @Test
    void anArticleThatIsALinkIsNotStamped() throws Exception {
        TestSite.write(dir, SITE);
        Path victim = Files.writeString(Files.createTempDirectory("victim").resolve("profile"), "---\ntitle: T\n---\nx\n");
        Path en = dir.resolve("content/litellm/a/index.en.md");
        Files.delete(en);
        Files.createSymbolicLink(en, victim);
        MainTest.Run stamp = MainTest.run("translations", "--site", dir.toString(), "--stamp", en.toString());
        assertEquals(1, stamp.code(), stamp.err());
        assertEquals("---\ntitle: T\n---\nx\n", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(en));
    }

    /** Front matter as writers and editors leave it: a byte-order mark, a quoted key, a folded value, CRLF. */
    @Test
    void theStampReplacesTheKeyHoweverItIsWritten() {
        String value = "zh@0123456789ab";
        assertEquals("\uFEFF---\ntitle: A\ntranslated_from: " + value + "\n---\nBody.\n",
                TranslationsCommand.withTranslatedFrom("\uFEFF---\ntitle: A\n---\nBody.\n", value), "a BOM is kept");
        assertEquals("---\ntitle: A\ntranslated_from: " + value + "\ndate: 2025-02-18\n---\nBody.\n",
                TranslationsCommand.withTranslatedFrom("---\ntitle: A\n\"translated_from\": zh@old\ndate: 2025-02-18\n---\nBody.\n",
                        value), "a quoted key is replaced, not doubled");
        assertEquals("---\ntitle: A\ntranslated_from: " + value + "\ndate: 2025-02-18\n---\nBody.\n",
                TranslationsCommand.withTranslatedFrom("---\ntitle: A\ntranslated_from: >\n  zh@old\n  more\ndate: 2025-02-18\n---\nBody.\n",
                        value), "a folded value goes whole");
        assertEquals("---\r\ntitle: A\r\ntranslated_from: " + value + "\r\n---\r\nBody.\r\n",
                TranslationsCommand.withTranslatedFrom("---\r\ntitle: A\r\n---\r\nBody.\r\n", value), "CRLF kept");
    }

    /**
     * The whole command on a file that starts with a byte-order mark, with a folder where the stamp
     * once put its temporary file: stamped, the mark kept, no stack trace.
     */
    @Test
    void theStampWritesThroughNeitherAMarkNorAFolderInTheWay() throws Exception {
        TestSite.write(dir, SITE);
        Path en = dir.resolve("content/litellm/a/index.en.md");
        Files.writeString(en, "\uFEFF" + Files.readString(en));
        Files.createDirectories(en.resolveSibling(".index.en.md.tmp"));
        MainTest.Run stamp = MainTest.run("translations", "--site", dir.toString(), "--stamp", en.toString());
        assertEquals(0, stamp.code(), stamp.err());
        assertEquals("\uFEFF---\ntitle: A\nsummary: S\ndate: 2025-02-18\ntranslated_from: zh@" + revision(ZH_BODY)
                + "\n---\n## Cause\nThe old explanation.\n", Files.readString(en));
        assertTrue(Files.isDirectory(en.resolveSibling(".index.en.md.tmp")));
    }

    /** A FIFO named like an article is reported; it never blocks the build. */
    @Test
    void aFifoNamedLikeAnArticleIsReportedInsteadOfRead() throws Exception {
        TestSite.write(dir, SITE);
        Path fifo = dir.resolve("content/litellm/c/index.en.md");
        Files.createDirectories(fifo.getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        MainTest.Run check = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> MainTest.run("check", "--site", dir.toString()));
        assertEquals(1, check.code(), check.err());
        assertTrue(check.out().contains("content/litellm/c/index.en.md:1:1: error[layout]: not a regular file"), check.out());
    }
}
