package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer never breaks an inbound link by renaming: move rewrites the links and leaves a redirect. */
class MoveCommandTest {

    @TempDir
    Path dir;

    private static final String SITE = """
            -- content/_site.yaml --
            languages: [en, zh]
            -- content/a/old/index.en.md --
            ---
            title: Old
            summary: S
            date: 2025-02-18
            tags: [x]
            aliases: [a/older]
            ---
            ## Cause
            See [the sibling](../sib/index.en.md#fix) and ![the picture](pic.png).
            -- content/a/old/index.zh.md --
            ---
            title: 旧
            summary: 摘要
            date: 2025-02-18
            ---
            ## 原因
            见[兄弟](../sib/)。
            -- content/a/old/pic.png --
            png
            -- content/a/sib/index.en.md --
            ---
            title: Sibling
            summary: S
            date: 2025-02-18
            ---
            ## Fix
            Back to [the cause](../old/index.en.md#cause), [in Chinese](../old/index.zh.md), [by URL](/en/a/old/#cause).
            -- content/c/far/index.en.md --
            ---
            title: Far
            summary: S
            date: 2025-02-18
            ---
            [Old, from afar](../../a/old/), and `../../a/old/` in code stays as it is.
            """;

    @Test
    void movesEveryLanguageRewritesEveryLinkAndLeavesARedirect() throws IOException {
        TestSite.write(dir, SITE);
        MainTest.Run r = MainTest.run("move", "a/old", "b/new", "--site", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("moved content/a/old to content/b/new; `a/old` is an alias now; 6 links rewritten in 4 files\n", r.out());
        assertTrue(Files.notExists(dir.resolve("content/a/old")));
        String en = Files.readString(dir.resolve("content/b/new/index.en.md"));
        assertTrue(en.contains("aliases: [a/older, a/old]\n"), en);
        assertTrue(en.contains("See [the sibling](../../a/sib/index.en.md#fix) and ![the picture](pic.png)."), en);
        assertTrue(Files.readString(dir.resolve("content/b/new/index.zh.md")).contains("见[兄弟](../../a/sib/)。"));
        assertTrue(Files.exists(dir.resolve("content/b/new/pic.png")));
        assertEquals("Back to [the cause](../../b/new/index.en.md#cause), [in Chinese](../../b/new/index.zh.md), "
                + "[by URL](/en/b/new/#cause).", Files.readString(dir.resolve("content/a/sib/index.en.md")).lines()
                .filter(l -> l.startsWith("Back")).findFirst().orElseThrow());
        assertTrue(Files.readString(dir.resolve("content/c/far/index.en.md"))
                .contains("[Old, from afar](../../b/new/), and `../../a/old/` in code stays as it is."));
        MainTest.Run check = MainTest.run("check", "--strict", "--site", dir.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        MainTest.Run build = MainTest.run("build", "--site", dir.toString());
        assertEquals(0, build.code(), build.out() + build.err());
        for (String old : new String[] {"en/a/old/index.html", "zh/a/old/index.html", "en/a/older/index.html"}) {
            assertTrue(Files.readString(dir.resolve("target/site").resolve(old)).contains("url=/" + old.substring(0, 2) + "/b/new/"), old);
        }
    }

    @Test
    void refusesATargetThatExistsANameThatCannotBeAUrlAndAMissingArticle() throws IOException {
        TestSite.write(dir, SITE);
        MainTest.Run taken = MainTest.run("move", "a/old", "a/sib", "--site", dir.toString());
        assertEquals(2, taken.code());
        assertEquals("casebook move: content/a/sib exists; nothing moved\n", taken.err());
        MainTest.Run upper = MainTest.run("move", "a/old", "B/New", "--site", dir.toString());
        assertEquals(2, upper.code());
        assertTrue(upper.err().startsWith("casebook move: `B` is not ASCII kebab-case"), upper.err());
        MainTest.Run reserved = MainTest.run("move", "a/old", "tags/x", "--site", dir.toString());
        assertEquals(2, reserved.code());
        MainTest.Run missing = MainTest.run("move", "a/none", "a/other", "--site", dir.toString());
        assertEquals(2, missing.code());
        assertEquals("casebook move: no article at content/a/none; nothing moved\n", missing.err());
        assertTrue(Files.exists(dir.resolve("content/a/old/index.en.md")), "nothing moved");
    }
}
