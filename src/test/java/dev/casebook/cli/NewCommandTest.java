package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryLanguageWithTheWholeFrontMatterAndTheSkeletonThatBuilds() throws IOException {
        TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [zh, en]
                rule_packs: [docker, litellm-wrenai-ollama]
                """);
        MainTest.Run r = MainTest.run("new", "litellm/proxy-timeout", "--site", dir.toString(), "--date", "2026-11-30");
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote content/litellm/proxy-timeout/index.zh.md\nwrote content/litellm/proxy-timeout/index.en.md\n", r.out());
        assertEquals("""
                ---
                title: "TODO: the symptom or error, as a reader would search for it"
                summary: "TODO: one sentence that says what goes wrong and why."
                date: 2026-11-30
                draft: true  # delete this line to publish the article
                ---

                ## Symptoms

                TODO: what the reader sees. Paste the error as the log prints it:

                ```text
                TODO
                ```

                ## Cause

                TODO: why it happens, down to the line of config that is wrong.

                ## Fix

                TODO: the fixed config. Mark a broken one with `expect=RULE`; fixed ones are checked at build time:

                ```yaml file=config.yaml group=after
                # TODO
                ```

                ## Verify

                TODO: how to see that it works (a command and what it prints).

                ## Sources

                - TODO: the issue threads and docs this article rests on
                """, Files.readString(dir.resolve("content/litellm/proxy-timeout/index.en.md")));
        String zh = Files.readString(dir.resolve("content/litellm/proxy-timeout/index.zh.md"));
        assertTrue(zh.startsWith("""
                ---
                title: "TODO：读者会搜索的症状或报错"
                summary: "TODO：一句话说明出了什么问题、为什么。"
                date: 2026-11-30
                draft: true  # 写完后删掉这一行，文章才会发布
                # 以下事实与语言无关，只写一次（写在任一语言的文件里）
                tags: []
                products: []
                errors:
                  - "TODO: the exact error string, as the log prints it"
                verified_with: {}
                """), zh);
        assertTrue(zh.contains("\n## 症状\n") && zh.contains("\n## 原因\n") && zh.contains("\n## 解决方法\n")
                && zh.contains("\n## 验证\n") && zh.contains("\n## 来源\n"), zh);

        // untouched, the skeleton is a draft that a strict check fails on, one finding per placeholder
        MainTest.Run check = MainTest.run("check", "--site", dir.toString(), "--strict");
        assertEquals(1, check.code(), check.out());
        List<String> placeholders = check.out().lines().filter(l -> l.contains("[placeholder]"))
                .map(l -> l.substring(0, l.indexOf("[placeholder]"))).toList();
        assertEquals(List.of("content/litellm/proxy-timeout/index.en.md:2:9: warning", "content/litellm/proxy-timeout/index.en.md:3:11: warning",
                "content/litellm/proxy-timeout/index.en.md:10:1: warning", "content/litellm/proxy-timeout/index.en.md:13:1: warning",
                "content/litellm/proxy-timeout/index.en.md:18:1: warning", "content/litellm/proxy-timeout/index.en.md:22:1: warning",
                "content/litellm/proxy-timeout/index.en.md:25:1: warning", "content/litellm/proxy-timeout/index.en.md:30:1: warning",
                "content/litellm/proxy-timeout/index.en.md:34:3: warning"), placeholders.subList(0, 9));
        assertEquals(19, placeholders.size());
        assertTrue(check.out().contains("content/litellm/proxy-timeout/index.zh.md:10:6: warning[placeholder]: `TODO: the exact error "
                + "string, as the log prints it` is a placeholder from the article template\n"
                + "  hint: replace it with the article's own words; `casebook new` writes TODO wherever they go\n"), check.out());
        // in Chinese for a Chinese writer: --lang zh, or a Chinese locale in the environment; ids and positions stay
        MainTest.Run inChinese = MainTest.run("check", "--site", dir.toString(), "--strict", "--lang", "zh");
        assertTrue(inChinese.out().startsWith("content/litellm/proxy-timeout/index.en.md:2:9: warning[placeholder]: "
                + "`TODO: the symptom or error, as a reader would search for it` 是文章模板留下的占位文字\n"
                + "  hint: 换成文章自己的内容；`casebook new` 会在每处需要你动笔的地方写上 TODO\n"), inChinese.out());
        assertEquals("zh", SiteOptions.languageOf(java.util.Map.of("LANG", "zh_CN.UTF-8")));
        assertEquals("en", SiteOptions.languageOf(java.util.Map.of("LC_ALL", "C.UTF-8", "LANG", "zh_CN.UTF-8")));
        assertEquals("en", SiteOptions.languageOf(java.util.Map.of()));
        // without draft: true, a placeholder is an error even without --strict
        Path en = dir.resolve("content/litellm/proxy-timeout/index.en.md");
        Files.writeString(en, Files.readString(en).replace("draft: true  # delete this line to publish the article\n", ""));
        MainTest.Run published = MainTest.run("check", "--site", dir.toString());
        assertEquals(1, published.code(), published.out());
        assertTrue(published.out().startsWith("content/litellm/proxy-timeout/index.en.md:2:9: error[placeholder]: "), published.out());

        MainTest.Run again = MainTest.run("new", "litellm/proxy-timeout", "--site", dir.toString());
        assertEquals(2, again.code());
        assertEquals("casebook new: content/litellm/proxy-timeout/index.zh.md exists; nothing written\n", again.err());
    }

    @Test
    void refusesNamesThatCannotBeUrls() {
        TestSite.write(dir, "-- content/.keep --\n");
        MainTest.Run upper = MainTest.run("new", "LiteLLM/Proxy", "--site", dir.toString());
        assertEquals(2, upper.code());
        assertEquals("""
                casebook new: `LiteLLM` is not ASCII kebab-case (a-z, 0-9 and hyphens; it becomes a URL)
                see `casebook new --help`
                """, upper.err());
        MainTest.Run reserved = MainTest.run("new", "tags/x", "--site", dir.toString());
        assertEquals(2, reserved.code());
        assertTrue(reserved.err().startsWith("casebook new: section name `tags` is reserved for generated pages\n"), reserved.err());
        assertEquals(2, MainTest.run("new", "just-a-slug", "--site", dir.toString()).code());
    }

    /** A section folder that is a link (planted by a pull request) is not written through. */
    @Test
    void refusesToWriteThroughALinkedSection() throws IOException {
        TestSite.write(dir, "-- content/_site.yaml --\nlanguages: [en]\n");
        Path elsewhere = Files.createTempDirectory("elsewhere");
        Files.createSymbolicLink(dir.resolve("content/litellm"), elsewhere);
        MainTest.Run r = MainTest.run("new", "litellm/x", "--site", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("casebook new: " + dir.resolve("content/litellm").toAbsolutePath().normalize()
                + " is a symbolic link; Casebook does not write through links; nothing more written\n", r.err());
        try (var written = Files.list(elsewhere)) {
            assertEquals(0, written.count());
        }
    }

    /** A dangling link at an article's name is something that exists: nothing is created through it. */
    @Test
    void refusesADanglingLinkAtTheArticlesName() throws IOException {
        TestSite.write(dir, "-- content/_site.yaml --\nlanguages: [en]\n");
        Path target = Files.createTempDirectory("elsewhere").resolve("planted");
        Files.createDirectories(dir.resolve("content/litellm/x"));
        Files.createSymbolicLink(dir.resolve("content/litellm/x/index.en.md"), target);
        MainTest.Run r = MainTest.run("new", "litellm/x", "--site", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("casebook new: content/litellm/x/index.en.md exists; nothing written\n", r.err());
        assertTrue(Files.notExists(target));
    }

    /** A site about anything (no rule pack) gets no WrenAI or Docker keys and no promise of checking. */
    @Test
    void aSiteWithoutRulePacksGetsAGeneralSkeleton() throws IOException {
        TestSite.write(dir, "-- content/_site.yaml --\nlanguages: [en]\n");
        MainTest.Run r = MainTest.run("new", "printing/queue-stuck", "--site", dir.toString(), "--date", "2026-11-30");
        assertEquals(0, r.code(), r.err());
        String en = Files.readString(dir.resolve("content/printing/queue-stuck/index.en.md"));
        assertTrue(en.contains("verified_with: {}\n---\n"), en);
        assertTrue(!en.contains("wren_ai_service_version") && !en.contains("host_os") && !en.contains("expect="), en);
        assertTrue(en.contains("## Fix\n\nTODO: the fixed config or command:\n\n```yaml file=config.yaml\n# TODO\n```"), en);
    }

    /** A name no file system or Windows machine can take is a usage error, said in a line, not a stack trace. */
    @Test
    void refusesNamesThatNoFolderCanHave() {
        TestSite.write(dir, "-- content/_site.yaml --\nlanguages: [en]\n");
        String longSlug = "a".repeat(300);
        MainTest.Run tooLong = MainTest.run("new", "litellm/" + longSlug, "--site", dir.toString());
        assertEquals(2, tooLong.code(), tooLong.err());
        assertEquals("casebook new: `" + "a".repeat(57) + "…` is 300 characters long; a name becomes a folder and part of "
                + "every URL: keep it to 100\nsee `casebook new --help`\n", tooLong.err());
        for (String device : new String[] {"con", "aux", "nul", "prn", "com1", "lpt1"}) {
            MainTest.Run r = MainTest.run("new", "litellm/" + device, "--site", dir.toString());
            assertEquals(2, r.code(), device);
            assertTrue(r.err().startsWith("casebook new: `" + device + "` is a device name on Windows"), r.err());
        }
        assertTrue(java.nio.file.Files.notExists(dir.resolve("content/litellm")), "nothing written");
    }
}
