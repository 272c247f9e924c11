package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search client as served (its comment lines dropped), loaded when a reader first uses the box, stays within 10 KB gzip. */
class SearchClientBudgetTest {

    @TempDir
    Path dir;

    private static String source() throws IOException {
        return Files.readString(Path.of("templates/assets/search.js"), StandardCharsets.UTF_8);
    }

    private static int gzipped(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.size();
    }

    @Test
    void theServedClientFitsItsBudget() throws IOException {
        int served = gzipped(ClientScript.served(source()));
        assertTrue(served <= 10 * 1024, "search.js is served as " + served + " bytes gzip; the budget is 10240");
    }

    @Test
    void onlyWholeCommentLinesAreDropped() {
        assertEquals("""
                (function () {
                var a = "// not a comment", b = /\\/\\*x/g; // a trailing comment stays
                return a + b;
                })();
                """, ClientScript.served("""
                /* a block
                   of two lines */
                (function () {
                  // a line comment
                  /** one line of javadoc */
                  var a = "// not a comment", b = /\\/\\*x/g; // a trailing comment stays
                  /*
                   * a block in the middle
                   */
                  return a + b;
                })();
                """));
    }

    /** Indentation goes, unless a literal may run onto the next line, where it would be the literal's own. */
    @Test
    void indentationIsDroppedUnlessALiteralSpansLines() {
        assertEquals("if (a) {\nb();\n}\n", ClientScript.served("if (a) {\n    b();\n}\n"));
        String template = "var t = `one\n  two`;\n  f(t);\n";
        assertEquals(template, ClientScript.served(template));
        String continued = "var s = 'one \\\n  two';\n";
        assertEquals(continued, ClientScript.served(continued));
    }

    @Test
    void theServedClientIsValidJavaScript() throws IOException, InterruptedException {
        Path served = dir.resolve("search.js");
        Files.writeString(served, ClientScript.served(source()), StandardCharsets.UTF_8);
        Process node = new ProcessBuilder("node", "--check", served.toString()).redirectErrorStream(true).start();
        String said = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.waitFor(), said);
    }
}
