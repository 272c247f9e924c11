package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.casebook.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a contributor sees on a pull request: every problem of every file in one run. */
class ContributorTest {

    @TempDir
    Path dir;

    static final String SITE = """
            -- content/_site.yaml --
            languages: [zh, en]
            rule_packs: [docker, litellm-wrenai-ollama]
            -- content/ollama/target/index.en.md --
            ---
            title: Target
            summary: S
            date: 2025-01-01
            ---
            ## Fix it
            Text.
            -- content/ollama/target/index.zh.md --
            ---
            title: 目标
            summary: 摘要
            date: 2025-01-01
            ---
            ## 解决方法
            正文。
            -- content/litellm/broken-front/index.en.md --
            ---
            title: Broken front matter
            summary: S
            date: 2025-02-30
            ---
            A link in a file whose front matter is broken: [gone](../../ollama/gone/index.en.md).
            -- content/litellm/links/index.en.md --
            ---
            title: Links
            summary: S
            date: 2025-02-18
            ---
            ## Fix it
            [ok](#fix-it), [same page](#nope), [cross page](../../ollama/target/index.en.md#fixit), [gone](../../ollama/gone/)
            -- content/litellm/links/index.zh.md --
            ---
            title: 链接
            summary: 摘要
            date: 2025-02-18
            ---
            ## 修复
            [本页](#不存在)，[别的页](../../ollama/target/index.zh.md#解决办法)
            -- content/wrenai/snippet/index.en.md --
            ---
            title: Snippet
            summary: S
            date: 2025-02-18
            ---
            ```yaml file=config.yaml
            type: llm
            provider: litellm_llm
            models:
              - model: openai/deepseek-r1:8b
                api_base: http://host.docker.internal:11434/v1
                kwargs: {}
            ```

            ```dotenv file=.env
            LLM_PROVIDER=litellm_llm
            ```
            """;

    @Test
    void oneRunReportsEveryProblemOfEveryFile() {
        TestSite.Built built = TestSite.write(dir, SITE).build();
        assertEquals("""
                content/litellm/broken-front/index.en.md:4:7: error[front-matter-date]: `date` is not a real date: 2025-02-30
                  hint: write an existing day as YYYY-MM-DD
                content/litellm/broken-front/index.en.md:6:55: error[broken-link]: broken link `../../ollama/gone/index.en.md`: no article at content/ollama/gone
                  hint: link to another article as ../../<section>/<slug>/index.<lang>.md (drafts are not published)
                content/litellm/links/index.en.md:7:28: warning[broken-anchor]: no heading `#nope` in this page
                  hint: allowed: fix-it
                content/litellm/links/index.en.md:7:49: warning[broken-anchor]: no heading `#fixit` in content/ollama/target/index.en.md
                  hint: did you mean `fix-it`?
                content/litellm/links/index.en.md:7:96: error[broken-link]: broken link `../../ollama/gone/`: no article at content/ollama/gone
                  hint: link to another article as ../../<section>/<slug>/index.<lang>.md (drafts are not published)
                content/litellm/links/index.zh.md:7:6: warning[broken-anchor]: no heading `#不存在` in this page
                  hint: allowed: 修复
                content/litellm/links/index.zh.md:7:18: warning[broken-anchor]: no heading `#解决办法` in content/ollama/target/index.zh.md
                  hint: did you mean `解决方法`?
                content/wrenai/snippet/index.en.md:10:12: error[LLM001]: `openai/deepseek-r1:8b` goes through LiteLLM's OpenAI route, which demands an API key even when the server is a local Ollama or LM Studio, but `OPENAI_API_KEY` has no value: the call fails with `litellm.AuthenticationError … OPENAI_API_KEY`.
                  hint: Add `OPENAI_API_KEY=dummy-key` (any non-empty string) to `.env`; or, for Ollama, switch to `ollama_chat/<model>` with `api_base: http://<host>:11434` (no `/v1`), which needs no key.""", built.diagnostics());
        assertFalse(built.result().written());
    }

    @Test
    void checkWithGithubFormatPrintsAnnotationsAndWritesTheStepSummary() throws IOException {
        TestSite.write(dir, SITE);
        Path summary = dir.resolve("summary.md");
        MainTest.Run r = MainTest.run("check", "--site", dir.toString(), "--format", "github",
                "--step-summary", summary.toString());
        assertEquals(1, r.code());
        assertEquals("""
                ::error file=content/litellm/broken-front/index.en.md,line=4,col=7,title=front-matter-date::`date` is not a real date: 2025-02-30%0Awrite an existing day as YYYY-MM-DD
                ::error file=content/litellm/broken-front/index.en.md,line=6,col=55,title=broken-link::broken link `../../ollama/gone/index.en.md`: no article at content/ollama/gone%0Alink to another article as ../../<section>/<slug>/index.<lang>.md (drafts are not published)
                ::warning file=content/litellm/links/index.en.md,line=7,col=28,title=broken-anchor::no heading `#nope` in this page%0Aallowed: fix-it
                ::warning file=content/litellm/links/index.en.md,line=7,col=49,title=broken-anchor::no heading `#fixit` in content/ollama/target/index.en.md%0Adid you mean `fix-it`?
                ::error file=content/litellm/links/index.en.md,line=7,col=96,title=broken-link::broken link `../../ollama/gone/`: no article at content/ollama/gone%0Alink to another article as ../../<section>/<slug>/index.<lang>.md (drafts are not published)
                ::warning file=content/litellm/links/index.zh.md,line=7,col=6,title=broken-anchor::no heading `#不存在` in this page%0Aallowed: 修复
                ::warning file=content/litellm/links/index.zh.md,line=7,col=18,title=broken-anchor::no heading `#解决办法` in content/ollama/target/index.zh.md%0Adid you mean `解决方法`?
                ::error file=content/wrenai/snippet/index.en.md,line=10,col=12,title=LLM001::`openai/deepseek-r1:8b` goes through LiteLLM's OpenAI route, which demands an API key even when the server is a local Ollama or LM Studio, but `OPENAI_API_KEY` has no value: the call fails with `litellm.AuthenticationError … OPENAI_API_KEY`.%0AAdd `OPENAI_API_KEY=dummy-key` (any non-empty string) to `.env`; or, for Ollama, switch to `ollama_chat/<model>` with `api_base: http://<host>:11434` (no `/v1`), which needs no key.
                """, r.out());
        assertEquals("""
                ## Casebook check: 4 errors, 4 warnings

                4 articles checked.

                | | Where | Check | Problem |
                | --- | --- | --- | --- |
                | error | <code>content/litellm/broken-front/index.en.md:4:7</code> | <code>front-matter-date</code> | <code>date</code> is not a real date: 2025-02-30<br>write an existing day as YYYY-MM-DD |
                | error | <code>content/litellm/broken-front/index.en.md:6:55</code> | <code>broken-link</code> | broken link <code>../../ollama/gone/index.en.md</code>: no article at content/ollama/gone<br>link to another article as ../../&lt;section&gt;/&lt;slug&gt;/index.&lt;lang&gt;.md &#40;drafts are not published&#41; |
                | warning | <code>content/litellm/links/index.en.md:7:28</code> | <code>broken-anchor</code> | no heading <code>&#35;nope</code> in this page<br>allowed: fix-it |
                | warning | <code>content/litellm/links/index.en.md:7:49</code> | <code>broken-anchor</code> | no heading <code>&#35;fixit</code> in content/ollama/target/index.en.md<br>did you mean <code>fix-it</code>? |
                | error | <code>content/litellm/links/index.en.md:7:96</code> | <code>broken-link</code> | broken link <code>../../ollama/gone/</code>: no article at content/ollama/gone<br>link to another article as ../../&lt;section&gt;/&lt;slug&gt;/index.&lt;lang&gt;.md &#40;drafts are not published&#41; |
                | warning | <code>content/litellm/links/index.zh.md:7:6</code> | <code>broken-anchor</code> | no heading <code>&#35;不存在</code> in this page<br>allowed: 修复 |
                | warning | <code>content/litellm/links/index.zh.md:7:18</code> | <code>broken-anchor</code> | no heading <code>&#35;解决办法</code> in content/ollama/target/index.zh.md<br>did you mean <code>解决方法</code>? |
                | error | <code>content/wrenai/snippet/index.en.md:10:12</code> | <code>LLM001</code> | <code>openai/deepseek-r1:8b</code> goes through LiteLLM's OpenAI route, which demands an API key even when the server is a local Ollama or LM Studio, but <code>OPENAI&#95;API&#95;KEY</code> has no value: the call fails with <code>litellm.AuthenticationError … OPENAI&#95;API&#95;KEY</code>.<br>Add <code>OPENAI&#95;API&#95;KEY=dummy-key</code> &#40;any non-empty string&#41; to <code>.env</code>; or, for Ollama, switch to <code>ollama&#95;chat/&lt;model&gt;</code> with <code>api&#95;base: http://&lt;host&gt;:11434</code> &#40;no <code>/v1</code>&#41;, which needs no key. |

                ### Translations

                | Language | original | current | outdated | missing |
                | --- | ---: | ---: | ---: | ---: |
                | zh | 2 | 0 | 0 | 2 |
                | en | 4 | 0 | 0 | 0 |

                """, Files.readString(summary));
        assertFalse(Files.exists(dir.resolve("target/site")), "check writes no site");
    }
}
