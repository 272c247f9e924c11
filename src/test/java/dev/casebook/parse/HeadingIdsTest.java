package dev.casebook.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.content.Document;
import dev.casebook.content.Heading;
import dev.casebook.content.Lang;
import dev.casebook.content.Translation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Heading ids follow GitHub's rule, so anchors copied from GitHub's rendering of a file work. */
class HeadingIdsTest {

    private static final MarkdownParser PARSER = new MarkdownParser();

    private static List<String> ids(String body) {
        Document doc = PARSER.parse(new Translation(new Lang("en"), "content/s/a/index.en.md", "T", "S",
                LocalDate.of(2025, 1, 1), Optional.empty(), false, body, 5), Map.of());
        return doc.headings().stream().map(Heading::id).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Concatenating with + or format!      | concatenating-with--or-format
            只在栈上的数据：拷贝                  | 只在栈上的数据拷贝
            故障排除（Troubleshooting）           | 故障排除troubleshooting
            原因 Cause                            | 原因-cause
            Fix: `OPENAI_API_KEY` (dummy)        | fix-openai_api_key-dummy
            Tom & Jerry                          | tom--jerry
            C++ & C#                             | c--c
            What's new?                          | whats-new
            🎉 Party time                         | -party-time
            ＦＵＬＬ　ｗｉｄｔｈ                  | ｆｕｌｌｗｉｄｔｈ
            Ünïcödé Äpfel                        | ünïcödé-äpfel
            snake_case and kebab-case            | snake_case-and-kebab-case
            v1.2.3 -- release                    | v123----release
            api_base → /v1                       | api_base--v1
            İstanbul                             | i̇stanbul
            Ⓐ circled                            | ⓐ-circled
            "**Bold** and [a link](https://example.com)" | bold-and-a-link
            "1,000 models, 2 keys"               | 1000-models-2-keys
            🎉                                   | section
            """)
    void oneHeading(String heading, String id) {
        assertEquals(List.of(id), ids("## " + heading + "\n"));
    }

    @Test
    void repeatsAreNumberedFromOneAndSkipTakenIds() {
        assertEquals(List.of("fix", "fix-1", "fix-1-1", "fix-2", "原因", "原因-1"),
                ids("## Fix\n## Fix\n## Fix-1\n## Fix\n## 原因\n### 原因\n"));
    }

    @Test
    void anExplicitIdWinsAndLeavesTheHeadingText() {
        Document doc = PARSER.parse(new Translation(new Lang("en"), "content/s/a/index.en.md", "T", "S",
                LocalDate.of(2025, 1, 1), Optional.empty(), false,
                "## Verify\n## Check it works {#verify}\n## 原因 {#cause}\n", 5), Map.of());
        assertEquals(List.of("verify-1", "verify", "cause"), doc.headings().stream().map(Heading::id).toList());
        assertEquals(List.of("Verify", "Check it works", "原因"), doc.headings().stream().map(Heading::text).toList());
        assertEquals(true, doc.html().contains("<h2 id=\"verify\">Check it works</h2>"), doc.html());
    }

    @Test
    void manyEqualHeadingsStayLinear() {
        String body = "## Same\n".repeat(40_000);
        List<String> ids = ids(body);
        assertEquals(40_000, ids.size());
        assertEquals("same-39999", ids.get(39_999));
    }
}
