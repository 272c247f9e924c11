package dev.casebook.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.pipeline.BuildOptions;
import dev.casebook.pipeline.SiteBuild;
import dev.casebook.content.Heading;
import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import dev.casebook.content.Translation;
import dev.casebook.parse.MarkdownParser;
import dev.casebook.search.Tokenizer;
import dev.casebook.serve.PreviewServerAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Properties that must hold for any input, checked on generated strings: the alphabet mixes
 * ASCII, punctuation YAML and Markdown care about, CJK and full-width forms, accents, emoji,
 * zero-width and control characters.
 */
class PropertiesTest {

    private static final MarkdownParser PARSER = new MarkdownParser();

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> pieces = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().range('a', 'z').map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('A', 'Z').map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('0', '9').map(String::valueOf)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(" ", "-", "_", ".", "/", ":", "#", "\"", "'", "`", "*", "[", "]", "(", ")",
                        "{", "}", "!", "?", "&", "<", ">", "%", "+", "=", "|", "\\", "@", "$", "~", "^", ",", ";")),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('\u4e00', '\u4fff').map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("，", "。", "：", "（", "）", "Ａ", "ｚ", "１", "　")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("é", "ü", "İ", "ı", "ß", "Σ", "ς", "\u0301")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("\u200B", "\u00AD", "\u202E", "\t", "\u0007", "🎉", "𠀀")));
        return pieces.list().ofMaxSize(40).map(ps -> String.join("", ps));
    }

    // ---- heading ids -----------------------------------------------------------------------

    private static List<String> ids(String body) {
        return PARSER.parse(new Translation(new Lang("en"), "content/s/a/index.en.md", "T", "S", LocalDate.of(2025, 1, 1),
                Optional.empty(), false, body, 5), Map.of()).headings().stream().map(Heading::id).toList();
    }

    @Property(tries = 300)
    void headingIdsAreLowerCaseHaveNoSpaceAndAreUniqueOnAPage(@ForAll("text") String a, @ForAll("text") String b) {
        String title = a.replace('\n', ' ').replace('#', 'x').strip();
        List<String> ids = ids("## " + title + "\n## " + title + "\n## " + b.replace('\n', ' ').replace('#', 'x') + "\n");
        assertEquals(new HashSet<>(ids).size(), ids.size(), "unique: " + ids);
        for (String id : ids) {
            assertFalse(id.isEmpty() || id.contains(" "), id);
            assertEquals(id.toLowerCase(java.util.Locale.ROOT), id.toLowerCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT));
        }
        assertEquals(ids.get(0) + "-1", ids.get(1), "a repeated heading gets -1");
    }

    // ---- URLs --------------------------------------------------------------------------------

    @Property(tries = 500)
    void encodedSitePathsUseOnlyUrlCharactersAndDecodeBack(@ForAll("text") String raw) {
        String path = raw.replace('\\', '/');
        if (!path.codePoints().allMatch(Character::isValidCodePoint) || hasLoneSurrogate(path)) {
            return;
        }
        String encoded = Routes.encode(path);
        assertTrue(encoded.chars().allMatch(c -> c < 0x80 && c > 0x20 && "\"<>\\^`{|}#?% ".indexOf(c) < 0 || c == '%'), encoded);
        assertEquals(path, URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
        boolean dotSegment = List.of(path.split("/", -1)).stream().anyMatch(s -> s.equals(".") || s.equals(".."));
        Optional<String> served = PreviewServerAccess.sitePath(encoded);
        if (dotSegment || path.startsWith("/") || path.indexOf('\0') >= 0) {
            assertEquals(Optional.empty(), served, "the preview refuses " + path);
        } else {
            assertEquals(Optional.of(path), served);
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    // ---- front matter ------------------------------------------------------------------------

    @Property(tries = 60)
    void anyTitleQuotedForYamlIsReadBackAndAnyFrontMatterIsADiagnosticNotATrace(
            @ForAll("text") String title, @ForAll("text") String garbage) throws IOException {
        Path site = Files.createTempDirectory("casebook-prop");
        try {
            Path file = site.resolve("content/a/b/index.en.md");
            Files.createDirectories(file.getParent());
            String quoted = "\"" + title.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
                    .replace("\u0007", "\\a") + "\"";
            Files.writeString(file, "---\ntitle: " + quoted + "\nsummary: S\ndate: 2025-01-01\n---\nBody.\n");
            Files.writeString(site.resolve("content/a/b/index.zh.md"), "---\n" + garbage + "\n---\n" + garbage + "\n");
            var source = new SiteBuild().source(BuildOptions.of(site, site.resolve("out")));
            var translation = source.value().articles().get(0).translation(new Lang("en"));
            if (!title.isBlank() && title.chars().noneMatch(c -> c == 0x07 || c == 0x202E || Character.isSurrogate((char) c))) {
                assertEquals(title, translation.orElseThrow().title(), source.diagnostics().toString());
            }
        } finally {
            delete(site);
        }
    }

    private static void delete(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the tokenizer: Java and JavaScript agree --------------------------------------------

    @Property(tries = 3)
    @net.jqwik.api.Tag("browser") // needs Node, as the browser tests do; runs once, not per locale
    void theJavaAndJavaScriptTokenizersAgree(@ForAll @Size(300) List<@net.jqwik.api.From("text") String> inputs)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path node = Path.of("/usr/bin/node");
        if (!Files.isExecutable(node) && "skip".equals(System.getProperty("casebook.browser"))
                && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assumptions.abort("Node left out on purpose (-Dcasebook.browser=skip)");
        }
        String program = "const {tokenize} = require(process.argv[1]);"
                + "const inputs = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
                + "process.stdout.write(JSON.stringify(inputs.map(tokenize)));";
        Process p = new ProcessBuilder(Files.isExecutable(node) ? node.toString() : "node", "-e", program,
                Path.of("templates/assets/search.js").toAbsolutePath().toString()).start();
        p.getOutputStream().write(json.writeValueAsBytes(inputs));
        p.getOutputStream().close();
        JsonNode js = json.readTree(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            List<String> java = Tokenizer.tokenize(inputs.get(i)).stream().map(t -> t.text() + "/" + t.kind()).toList();
            List<String> script = new ArrayList<>();
            js.get(i).forEach(t -> script.add(t.get(0).asText() + "/" + t.get(1).asText()));
            if (!java.equals(script)) {
                differences.add(json.writeValueAsString(inputs.get(i)) + ": java " + java + " js " + script);
            }
        }
        assertEquals(List.of(), differences);
    }

}
