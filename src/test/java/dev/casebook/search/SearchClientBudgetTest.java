package dev.casebook.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The search client, loaded when a reader first uses the box, stays within 10 KB gzip. */
class SearchClientBudgetTest {

    @Test
    void theClientFitsItsBudget() throws IOException {
        byte[] client = Files.readAllBytes(Path.of("templates/assets/search.js"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(client);
        }
        assertTrue(out.size() <= 10 * 1024, "search.js is " + out.size() + " bytes gzip; the budget is 10240");
    }
}
