package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import dev.casebook.validate.Catalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in rules are opt-in per site: only the packs named in _site.yaml check snippets and get pages. */
class RulePacksTest {

    @TempDir
    Path dir;

    private static final String ARTICLE = """
            -- content/docker/a/index.en.md --
            ---
            title: A
            summary: S
            date: 2025-02-18
            ---
            ```dotenv file=.env
            OLLAMA_HOST=http://ollama:11434
            OLLAMA_HOST=http://host.docker.internal:11434
            ```
            """;

    @Test
    void everyRuleIsInExactlyOnePack() {
        Catalog all = Catalog.builtIn();
        assertEquals(List.of("docker", "litellm-wrenai-ollama"), all.packs().stream().map(Catalog.Pack::name).toList());
        assertEquals(all.ids().size(), all.packs().stream().mapToInt(p -> p.rules().size()).sum());
        // a narrowed catalog keeps the pack's rules in catalog order, and nothing else
        List<String> docker = all.packs().get(0).rules();
        assertEquals(all.ids().stream().filter(docker::contains).toList(), all.only(List.of("docker")).ids());
        assertTrue(docker.containsAll(List.of("NET002", "ENV003")) && !docker.contains("LLM001"), docker.toString());
        assertTrue(all.only(List.of("docker")) == all.only(List.of("docker")), "one catalog object per set of packs");
    }

    @Test
    void aSiteWithoutPacksChecksNothingAndClaimsNothing() {
        TestSite.Built built = TestSite.write(dir, ARTICLE).build();
        // a block named like a config file that nothing checks is said so (check --strict fails on it)
        assertEquals("""
                content/docker/a/index.en.md:6:1: warning[snippet-unchecked]: `.env` is not checked: no rule reads this kind of file and no schema applies to it
                  hint: pick a schema with schema=NAME (content/_schemas/NAME.schema.json), or mark the block nocheck""", built.diagnostics());
        var page = built.html("en/docker/a/index.html");
        assertEquals("not checked: no rule or schema reads this file", page.selectFirst(".code-head .check").text());
        assertEquals(0, page.select("a.try").size(), "no Try it without a checker");
        assertEquals(0, page.select("a[href$=/rules/], a[href$=/check/]").size());
        assertEquals("Built with Casebook from Markdown. 0 of 1 configuration snippets on this site are checked at build time.",
                page.selectFirst("footer p").ownText().split(" · ")[0].strip());
        // nocheck says the writer knows: nothing to warn about, and the page says why it is not checked
        TestSite.Built marked = TestSite.write(dir, ARTICLE.replace("file=.env", "file=.env nocheck")).build();
        assertEquals("", marked.diagnostics());
        assertEquals("not checked (nocheck)", marked.html("en/docker/a/index.html").selectFirst(".code-head .check").text());
        assertFalse(built.exists("en/rules/index.html"));
        assertFalse(built.exists("en/check/index.html"));
    }

    @Test
    void aPackChecksItsKindsAndGetsItsRulePagesOnly() {
        TestSite.Built built = TestSite.write(dir, "-- content/_site.yaml --\nrule_packs: [docker]\n" + ARTICLE).build();
        assertTrue(built.diagnostics().startsWith("content/docker/a/index.en.md:8:1: warning[ENV003]: `OLLAMA_HOST` is defined twice"),
                built.diagnostics());
        assertTrue(built.exists("en/rules/NET002/index.html"));
        assertFalse(built.exists("en/rules/LLM001/index.html"));
        assertTrue(built.exists("en/check/index.html"));
        // the check page runs the rules; it says which checks it leaves to the build and the command line
        assertEquals("This page runs the rules only. JSON Schema checks (the Compose Specification's schema, this site's own "
                + "schemas) run when the site is built and with casebook validate on the command line.",
                built.html("en/check/index.html").selectFirst(".note-schemas").text());
    }

    /**
     * A Kubernetes manifest is plain YAML: the docker pack only scans it for a misspelled host name, which says
     * nothing about the manifest, so the page must not call it checked and valid, nor offer to check it.
     */
    @Test
    void aFileRulesOnlyScanIsNotCalledCheckedAndValid() {
        TestSite.Built built = TestSite.write(dir, "-- content/_site.yaml --\nrule_packs: [docker]\n"
                + "-- content/docker/a/index.en.md --\n" + TestSite.FRONT_MATTER + """
                ```yaml file=deployment.yaml
                apiVersion: apps/v1
                kind: Servce
                ```
                """).build();
        assertEquals("""
                content/docker/a/index.en.md:6:1: warning[snippet-unchecked]: `deployment.yaml` is not checked: no rule reads this kind of file and no schema applies to it
                  hint: pick a schema with schema=NAME (content/_schemas/NAME.schema.json), or mark the block nocheck""", built.diagnostics());
        var page = built.html("en/docker/a/index.html");
        assertEquals(List.of("not checked: no rule or schema reads this file"), page.select(".code-head .check").eachText());
        assertEquals(0, page.select("a.try").size());
    }

    @Test
    void aRuleOfAnUnusedPackOrAnUnknownPackIsNamedPrecisely() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/_site.yaml --
                rule_packs: [docker, litellm]
                -- content/docker/a/index.en.md --
                ---
                title: A
                summary: S
                date: 2025-02-18
                ---
                ```yaml file=config.yaml expect=LLM001
                type: llm
                ```
                """).build();
        assertEquals("""
                content/_site.yaml:1:22: error[config-site]: unknown rule pack `litellm`
                  hint: allowed: docker, litellm-wrenai-ollama
                content/docker/a/index.en.md:6:1: error[snippet-expect]: `expect=` names rule `LLM001` of the rule pack `litellm-wrenai-ollama`, which the site does not use
                  hint: name the pack in content/_site.yaml: rule_packs: [litellm-wrenai-ollama]""", built.diagnostics());
    }
}
