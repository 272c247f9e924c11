package dev.casebook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadTextTest {

    @TempDir
    Path dir;

    private Optional<String> read(byte[] bytes, List<Diagnostic> diagnostics) throws IOException {
        Path file = dir.resolve("index.en.md");
        Files.write(file, bytes);
        return ContentText.read(file, "a/b/index.en.md", diagnostics, "encoding");
    }

    /** The byte pre-scan says "plain" exactly when the careful pass would change nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"plain ascii\n", "中文 and emoji 🙂\n", "tab\there\n", "literal \uFFFD kept\n", "cr\r\n", "lone cr\r",
            "bell \u0007", "del \u007F", "c1 \u0085 next line", "c1 \u009F", "bidi \u202E override", "bidi \u202A", "isolate \u2066",
            "isolate \u2069", "not bidi \u2020 dagger \u2067x", "nbsp \u00A0 is fine", "\u2028 line separator"})
    void thePreScanAgreesWithTheCarefulPass(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Diagnostic> diagnostics = new ArrayList<>();
        String careful = ContentText.withoutControls(text.replace("\r\n", "\n").replace('\r', '\n'), "p", new ArrayList<>());
        assertEquals(careful.equals(text), ContentText.isPlain(bytes), text);
        assertEquals(Optional.of(careful), read(bytes, diagnostics));
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorEvenBesideALiteralReplacementCharacter() throws IOException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        byte[] bytes = {'o', 'k', ' ', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, ' ', (byte) 0xC3, '(', '\n'};
        assertEquals(Optional.empty(), read(bytes, diagnostics));
        assertEquals("a/b/index.en.md:1:1: error[encoding]: file is not valid UTF-8", diagnostics.get(0).toString().lines().findFirst().get());
    }
}
