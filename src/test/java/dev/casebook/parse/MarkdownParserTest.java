package dev.casebook.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.content.Document;
import dev.casebook.content.Heading;
import dev.casebook.content.Lang;
import dev.casebook.content.Snippet;
import dev.casebook.content.Tab;
import dev.casebook.content.Translation;
import dev.casebook.diag.SourcePos;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownParserTest {

    private static final MarkdownParser PARSER = new MarkdownParser();
    private static final Map<String, String> TITLES = Map.of("note", "Note", "warning", "Warning", "tip", "Tip",
            "important", "Important", "caution", "Caution");

    private static Document parse(String body) {
        // the body starts on line 6 of the file, after five lines of front matter
        return PARSER.parse(new Translation(new Lang("en"), "content/s/a/index.en.md", "T", "S",
                LocalDate.of(2025, 1, 1), Optional.empty(), false, body, 5), TITLES);
    }

    @Test
    void headingIdsAreStableReadableAndWorkForChinese() {
        Document doc = parse("""
                ## 原因 Cause
                ## Fix: `OPENAI_API_KEY` (dummy)
                ## 原因 Cause
                ### ＦＵＬＬ　ｗｉｄｔｈ
                """);
        assertEquals(List.of(
                new Heading(2, "原因 Cause", "原因-cause", new SourcePos("content/s/a/index.en.md", 6, 1)),
                new Heading(2, "Fix: OPENAI_API_KEY (dummy)", "fix-openai_api_key-dummy", new SourcePos("content/s/a/index.en.md", 7, 1)),
                new Heading(2, "原因 Cause", "原因-cause-1", new SourcePos("content/s/a/index.en.md", 8, 1)),
                new Heading(3, "ＦＵＬＬ　ｗｉｄｔｈ", "ｆｕｌｌｗｉｄｔｈ", new SourcePos("content/s/a/index.en.md", 9, 1))),
                doc.headings());
        assertTrue(doc.html().contains("<h2 id=\"原因-cause\">原因 Cause</h2>"), doc.html());
    }

    @Test
    void gfmTablesStrikethroughTaskListsAutolinksAndFootnotes() {
        String html = parse("""
                | key | value |
                |-----|-------|
                | a   | b     |

                ~~old~~ and https://example.com/x

                - [x] done
                - [ ] todo

                Text with a note.[^1]

                [^1]: The footnote.
                """).html();
        assertTrue(html.contains("<table class=\"table\">"), html);
        assertTrue(html.contains("<td>a</td>"), html);
        assertTrue(html.contains("<del>old</del>"), html);
        assertTrue(html.contains("<a href=\"https://example.com/x\">https://example.com/x</a>"), html);
        assertTrue(html.contains("<input type=\"checkbox\" class=\"task\" checked disabled>"), html);
        assertTrue(html.contains("<input type=\"checkbox\" class=\"task\" disabled>"), html);
        assertTrue(html.contains("class=\"footnotes\""), html);
    }

    @Test
    void githubCalloutsBecomeTitledNotesAndPlainQuotesStayQuotes() {
        String html = parse("""
                > [!WARNING]
                > Do not mix `ollama_chat/` with `/v1`.

                > Just a quote.
                """).html();
        assertEquals("""
                <div class="callout callout-warning" role="note">
                <p class="callout-title">Warning</p>
                <p>Do not mix <code>ollama_chat/</code> with <code>/v1</code>.</p>
                </div>
                <blockquote>
                <p>Just a quote.</p>
                </blockquote>
                """, html);
    }

    /** MkDocs' `???` blocks fold (`???+` starts open), `!!!` is a callout; a snippet inside keeps its real line. */
    @Test
    void mkdocsBlocksBecomeDetailsAndCalloutsWithTheirSnippetsInPlace() {
        Document doc = parse("""
                ??? note "The whole log"

                    ```text
                    Error: port is already allocated
                    ```

                ???+ danger

                    Open from the start.

                !!! tip "Short"
                    A callout <b>as</b> MkDocs writes it.
                """);
        assertEquals("""
                <details class="callout callout-note collapsible"><summary class="callout-title">The whole log</summary>
                <div class="code"><!--casebook-snippet:0--><pre><code class="language-text">Error: port is already allocated
                </code></pre></div>
                </details>
                <details class="callout callout-caution collapsible" open><summary class="callout-title">Caution</summary>
                <p>Open from the start.</p>
                </details>
                <div class="callout callout-tip" role="note">
                <p class="callout-title">Short</p>
                <p>A callout &lt;b&gt;as&lt;/b&gt; MkDocs writes it.</p>
                </div>
                """, doc.html());
        assertEquals(1, doc.snippets().size());
        assertEquals(new SourcePos("content/s/a/index.en.md", 9, 5), doc.snippets().get(0).pos());
    }

    /** Search excerpts read a table row by row, its cells apart, never its delimiter row. */
    @Test
    void aTablesTextKeepsItsCellsApartAndLeavesOutTheDelimiterRow() {
        Document doc = parse("""
                Sizes:

                | 嵌入模型 | 维度 |
                | ------ | ---: |
                | text-embedding-3-large | 3072 |
                | `nomic-embed-text` | 768 |
                """);
        assertEquals("Sizes:\n嵌入模型 · 维度\ntext-embedding-3-large · 3072\nnomic-embed-text · 768", doc.text());
    }

    @Test
    void rawHtmlIsEscapedNeverPassedThrough() {
        String html = parse("""
                <script>alert(1)</script>

                Inline <img src=x onerror=alert(1)> here.
                """).html();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void fencedBlocksBecomeSnippetsWithAttributesAndPositions() {
        Document doc = parse("""
                Intro.

                - item

                  ```yaml file=config.yaml group=before expect="LLM001, ENV001" nocheck
                  model: openai/x
                  ```
                """);
        Snippet s = doc.snippets().get(0);
        assertEquals("yaml", s.language());
        assertEquals(Map.of("file", "config.yaml", "group", "before", "expect", "LLM001, ENV001"), s.attributes());
        assertEquals(List.of("nocheck"), s.flags());
        assertEquals("model: openai/x\n", s.code());
        assertEquals(new SourcePos("content/s/a/index.en.md", 11, 3), s.pos());
        assertEquals(new SourcePos("content/s/a/index.en.md", 10, 3), s.fence());
        assertTrue(doc.html().contains(Snippet.slot(0) + "<pre><code class=\"language-yaml\">model: openai/x\n</code></pre>"), doc.html());
    }

    @Test
    void linksInsideTheSiteGetSlotsWithTheirPositions() {
        Document doc = parse("See [a](../../x/y/index.en.md) and [web](https://example.com) and [top](#here).\n");
        // same-page anchors get a slot too, so the check stage can test them against the headings
        assertEquals(List.of("../../x/y/index.en.md", "#here"), doc.links().stream().map(l -> l.target()).toList());
        assertEquals(new SourcePos("content/s/a/index.en.md", 6, 9), doc.links().get(0).pos());
        assertEquals(new SourcePos("content/s/a/index.en.md", 6, 73), doc.links().get(1).pos());
        assertTrue(doc.html().contains("<a href=\"casebook-link:0\">a</a>"), doc.html());
        assertTrue(doc.html().contains("<a href=\"casebook-link:1\">top</a>"), doc.html());
    }

    /** Text is escaped as flexmark escapes it, on the quick path (plain text) and on flexmark's (escapes, entities). */
    @Test
    void textIsEscapedExactlyAsFlexmarkDoes() {
        com.vladsch.flexmark.util.data.MutableDataSet options = new com.vladsch.flexmark.util.data.MutableDataSet();
        options.set(com.vladsch.flexmark.html.HtmlRenderer.ESCAPE_HTML, true);
        String[] texts = {"a < b > c \"quoted\" 'single' ok", "中文「引号」<标签> “弯引号”", "an \\*escaped\\* star and a \\< bracket",
                "entities &amp; &lt; &copy; &#x41; & bare", "soft\nbreak and trailing  \nhard break", "emoji 🙂 <> \"\""};
        for (String text : texts) {
            String stock = com.vladsch.flexmark.html.HtmlRenderer.builder(options).build()
                    .render(com.vladsch.flexmark.parser.Parser.builder(options).build().parse(text));
            assertEquals(stock, parse(text).html(), text);
        }
    }

    @Test
    void tabsKeepTheirLabelsAndTextForSearchAndTheirSnippetsKnowTheTab() {
        Document doc = parse("""
                === "macOS" {host_os=mac}

                    Docker Desktop resolves the name.

                === "Linux" {host_os=linux deployment=docker}

                    ```yaml
                    a: 1
                    ```

                Not in a tab: `===` inside a paragraph
                === "is text"
                """);
        assertEquals("macOS\nDocker Desktop resolves the name.\nLinux\na: 1\n\nNot in a tab: === inside a paragraph === \"is text\"",
                doc.text().strip());
        assertEquals(1, doc.snippets().size());
        Tab tab = doc.snippets().get(0).tab().orElseThrow();
        assertEquals(new Tab(1, 1, "Linux", Map.of("host_os", "linux", "deployment", "docker"),
                new SourcePos("content/s/a/index.en.md", 10, 1)), tab);
        assertEquals(List.of("host_os", "deployment"), List.copyOf(tab.environment().keySet()));
        assertEquals(1, doc.html().split("<div class=\"tabs\">", -1).length - 1, doc.html());
    }
}
