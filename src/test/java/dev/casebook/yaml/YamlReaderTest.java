package dev.casebook.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePos;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();

    @Test
    void positionsAreShiftedToWhereTheTextSitsInItsFile() {
        YamlStream s = reader.read("a: 1\nb:\n  c: x\n", "f.md", 10, 2);
        YamlMapping root = (YamlMapping) s.single().orElseThrow();
        YamlMapping b = (YamlMapping) root.get("b").orElseThrow();
        assertEquals(new SourcePos("f.md", 13, 5), b.entry("c").orElseThrow().key().pos());
        assertEquals(new SourcePos("f.md", 13, 8), b.get("c").orElseThrow().pos());
    }

    @Test
    void eachDocumentStartsAtItsMarkerEvenAnEmptyOneAndUpToAnError() {
        YamlStream s = reader.read("a: 1\n---\n# only a comment\n---\nb: 2\n", "f.yaml", 4, 0);
        assertEquals(3, s.documents().size());
        assertEquals(Optional.empty(), s.documents().get(1));
        assertEquals(List.of(new SourcePos("f.yaml", 5, 1), new SourcePos("f.yaml", 6, 1), new SourcePos("f.yaml", 8, 1)),
                s.starts());
        YamlStream broken = reader.read("a: 1\n---\nb: 2\n---\nc: [\n", "g.yaml");
        assertTrue(broken.hasErrors(), broken.diagnostics().toString());
        assertEquals(2, broken.documents().size());
        assertEquals(List.of(new SourcePos("g.yaml", 1, 1), new SourcePos("g.yaml", 2, 1)), broken.starts());
        assertEquals(new SourcePos("e.yaml", 1, 1), reader.read("", "e.yaml").start(0));
    }

    @Test
    void scalarsGetYaml11TypesAndQuotingIsKept() {
        YamlMapping m = (YamlMapping) reader.read("a: 2023-05-15\nb: '2023-05-15'\nc: yes\nd: 0.15\ne: ~\n", "f").single().orElseThrow();
        assertEquals(YamlScalar.Type.TIMESTAMP, ((YamlScalar) m.get("a").orElseThrow()).type());
        YamlScalar b = (YamlScalar) m.get("b").orElseThrow();
        assertEquals(YamlScalar.Type.STRING, b.type());
        assertTrue(b.quoted());
        assertEquals(YamlScalar.Type.BOOL, ((YamlScalar) m.get("c").orElseThrow()).type());
        assertEquals("0.15", ((YamlScalar) m.get("d").orElseThrow()).text());
        assertTrue(((YamlScalar) m.get("e").orElseThrow()).isNull());
    }

    @Test
    void mergeKeysAreResolvedAndAnExplicitKeyOverridesWithoutCountingAsDuplicate() {
        YamlMapping root = (YamlMapping) reader.read("""
                base: &b {timeout: 120, api_base: http://x}
                model:
                  <<: *b
                  timeout: 600
                  timeout: 700
                """, "f").single().orElseThrow();
        YamlMapping model = (YamlMapping) root.get("model").orElseThrow();
        assertEquals("700", ((YamlScalar) model.get("timeout").orElseThrow()).text());
        assertEquals("http://x", ((YamlScalar) model.get("api_base").orElseThrow()).text());
        assertEquals(1, model.duplicates().size());
        assertEquals(5, model.duplicates().get(0).key().pos().line());
    }

    @Test
    void multiDocumentStreamsKeepEmptyDocuments() {
        YamlStream s = reader.read("a: 1\n---\n# only a comment\n---\nb: 2\n", "f");
        assertEquals(3, s.documents().size());
        assertEquals(Optional.empty(), s.documents().get(1));
    }

    @Test
    void syntaxErrorsArePositionedDiagnostics() {
        YamlStream s = reader.read("a: [1, 2\nb: 3\n", "f.yaml");
        List<Diagnostic> d = s.diagnostics();
        assertEquals(1, d.size());
        assertEquals("yaml-syntax", d.get(0).id());
        assertEquals("f.yaml", d.get(0).pos().path());
    }

    @Test
    void aliasBombIsStoppedQuicklyWithADiagnostic() {
        String bomb = """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                """;
        YamlStream s = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reader.read(bomb, "bomb.yaml"));
        assertEquals(1, s.diagnostics().size(), s.diagnostics().toString());
        assertEquals("yaml-limit", s.diagnostics().get(0).id());
    }

    @Test
    void deepNestingAndHugeInputAreRefused() {
        String deep = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        YamlStream nested = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reader.read(deep, "deep.yaml"));
        assertEquals("yaml-limit", nested.diagnostics().get(0).id(), nested.diagnostics().toString());

        String huge = "k: " + "x".repeat(10 * 1024 * 1024) + "\n";
        YamlStream big = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reader.read(huge, "big.yaml"));
        assertEquals("big.yaml:1:1: error[yaml-limit]: YAML text is longer than 1000000 characters",
                big.diagnostics().get(0).headline());
    }
}
