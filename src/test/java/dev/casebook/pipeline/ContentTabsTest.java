package dev.casebook.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content tabs: MkDocs Material's {@code === "Label"} syntax, rendered as panels under their labels, and
 * each tab's snippets checked as a group of their own under the tab's environment.
 */
class ContentTabsTest {

    @TempDir
    Path dir;

    /** The same WrenAI setting under two releases: 0.15.7 does not have it (WREN010), 0.29.0 does. */
    private static String versions(String older, String newer) {
        return """
                -- content/_site.yaml --
                rule_packs: [litellm-wrenai-ollama]
                -- content/wren/a/index.en.md --
                """ + TestSite.FRONT_MATTER + """
                The setting depends on the release.

                === "Before 0.15.18" {wren_ai_service_version=%s}

                    ```yaml expect=WREN010
                    settings:
                      allow_intent_classification: true
                    ```

                === "0.15.18 and later" {wren_ai_service_version=%s}

                    ```yaml
                    settings:
                      allow_intent_classification: true
                    ```

                After the tabs.
                """.formatted(older, newer);
    }

    @Test
    void eachTabIsCheckedUnderItsOwnVersion() {
        TestSite.Built built = TestSite.write(dir, versions("0.15.7", "0.29.0")).build();
        assertEquals("", built.diagnostics());
        var page = built.html("en/wren/a/index.html");
        List<String> checks = page.select(".tab-panel .code-head .check").eachText();
        assertEquals(List.of("shows WREN010", "checked, valid"), checks);
        // Try it takes the tab's environment to the check page
        assertEquals(List.of(true, true), page.select(".tab-panel a.try").eachAttr("href").stream()
                .map(h -> h.endsWith("&wren_ai_service_version=0.15.7") || h.endsWith("&wren_ai_service_version=0.29.0")).toList());
    }

    @Test
    void swappedEnvironmentsFailBothTabs() {
        TestSite.Built built = TestSite.write(dir, versions("0.29.0", "0.15.7")).build();
        // the first tab (now 0.29.0) no longer shows the mistake; the second (now 0.15.7) makes it
        assertEquals("""
                content/wren/a/index.en.md:10:5: error[snippet-expect]: snippet expects {WREN010} but produces {}
                  hint: the config does not show the mistake: check it, or the rule's conditions (casebook rules ID)
                content/wren/a/index.en.md:19:7: error[WREN010]: `allow_intent_classification` is a setting of wren-ai-service 0.15.18 and later; 0.15.7 ignores it (`Warning: Unknown configuration key 'allow_intent_classification'`).
                  hint: Upgrade wren-ai-service to 0.15.18 or later (`WREN_AI_SERVICE_VERSION` in `.env`), or write the config for 0.15.7: drop the key, or refer to models by `<provider>.<model>`.""",
                built.diagnostics());
    }

    @Test
    void panelsReadWithoutScriptAndConsecutiveTabsFormOneSet() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/docker/a/index.en.md --
                """ + TestSite.FRONT_MATTER + """
                === "macOS"

                    Use `host.docker.internal`.

                === "Linux"

                    Add `extra_hosts`.

                ===! "Another set"

                    Text.
                """).build();
        assertEquals("", built.diagnostics());
        var page = built.html("en/docker/a/index.html");
        List<Element> sets = page.select(".prose .tabs");
        assertEquals(2, sets.size());
        assertEquals(List.of("macOS", "Linux"), sets.get(0).select("> .tab-panel > .tab-label").eachText());
        assertEquals(List.of("tabs-1-1", "tabs-1-2"), sets.get(0).select("> .tab-panel").eachAttr("id"));
        assertEquals("Add extra_hosts.", sets.get(0).select("#tabs-1-2 > p").get(1).text());
        assertEquals(List.of("tabs-2-1"), sets.get(1).select("> .tab-panel").eachAttr("id"));
    }

    @Test
    void aTabAttributeRulesDoNotReadOrAValueTheyDoNotTakeIsAnError() {
        TestSite.Built built = TestSite.write(dir, """
                -- content/_site.yaml --
                rule_packs: [docker]
                -- content/docker/a/index.en.md --
                """ + TestSite.FRONT_MATTER + """
                === "macOS" {host_os=macos}

                    ```dotenv file=.env
                    A=1
                    ```

                === "Linux" {hostos=linux}

                    ```dotenv file=.env
                    A=1
                    ```
                """).build();
        assertEquals("""
                content/docker/a/index.en.md:6:1: error[tab-attribute]: tab attribute `host_os=macos` is not one of linux, mac, windows
                  hint: allowed: linux, mac, windows
                content/docker/a/index.en.md:12:1: error[tab-attribute]: unknown tab attribute `hostos`
                  hint: did you mean `host_os`? (a tab sets where its configs run: wren_ai_service_version, litellm_version, deployment, host_os)""",
                built.diagnostics());
    }
}
