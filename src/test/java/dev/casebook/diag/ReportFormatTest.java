package dev.casebook.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Text from content cannot forge a line or colour a terminal or a CI log, in any format. */
class ReportFormatTest {

    private static final Diagnostic FORGED = Diagnostic.error("front-matter-unknown-key", new SourcePos("content/a/b/index.en.md", 5, 1),
            "unknown key `x\ncontent/z.md:1:1: error[fake]: forged\u001B[31m\u202E` in front matter", "remove\r\nit");

    @Test
    void textEscapesLineBreaksEscapesAndBidiControls() {
        assertEquals("content/a/b/index.en.md:5:1: error[front-matter-unknown-key]: unknown key "
                + "`x\\u000Acontent/z.md:1:1: error[fake]: forged\\u001B[31m\\u202E` in front matter\n"
                + "  hint: remove\\u000D\\u000Ait", ReportFormat.TEXT.line(FORGED));
    }

    @Test
    void githubAnnotationsCarryNoRawControlCharacter() {
        assertEquals("::error file=content/a/b/index.en.md,line=5,col=1,title=front-matter-unknown-key::unknown key "
                + "`x\\u000Acontent/z.md:1:1: error[fake]: forged\\u001B[31m\\u202E` in front matter%0Aremove\\u000D\\u000Ait",
                ReportFormat.GITHUB.line(FORGED));
    }

    @Test
    void jsonEscapesThemAsJsonDoes() {
        String json = ReportFormat.JSON.render(Report.of(List.of(FORGED)), "v", List.of());
        assertEquals(true, json.contains("\\u001b[31m") || json.contains("\\u001B[31m"), json);
        assertEquals(false, json.contains("\u001B"), json);
    }
}
