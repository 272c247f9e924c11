package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.pipeline.BuildOptions;
import dev.casebook.content.BaseUrl;
import dev.casebook.testing.TestSite;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Every generated page passes the Nu HTML Checker (the W3C validator) without errors: the real
 * knowledge base of this repository, and a mini site that uses every Markdown feature.
 */
@Tag("html-checker")
class HtmlCheckerTest {

    private static final List<String> problems = new ArrayList<>();
    private static SimpleDocumentValidator validator;

    @TempDir
    Path dir;

    /** Collects errors; warnings are advice, not failures. */
    private static final class Collector implements ErrorHandler {
        String file = "";

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            problems.add(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }

    private static final Collector collector = new Collector();

    @BeforeAll
    static void setUp() throws Exception {
        validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", collector);
        validator.setUpValidatorAndParsers(collector, false, false);
    }

    private static List<String> check(TestSite.Built built) throws Exception {
        problems.clear();
        for (String page : built.htmlFiles()) {
            collector.file = page;
            validator.checkHtmlFile(new File(built.out().resolve(page).toString()), true);
        }
        return List.copyOf(problems);
    }

    @Test
    void theKnowledgeBaseOfThisRepositoryIsValidHtml() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        TestSite.Built built = new TestSite.Built(new dev.casebook.pipeline.SiteBuild().build(
                BuildOptions.of(repo, dir.resolve("site")).withBaseUrl(BaseUrl.parse("https://example.org/kb/"))),
                dir.resolve("site"));
        assertTrue(built.result().written(), built.diagnostics());
        assertTrue(built.htmlFiles().size() >= 10, built.htmlFiles().toString());
        assertEquals(List.of(), check(built));
    }

    @Test
    void everyMarkdownFeatureRendersToValidHtml() throws Exception {
        TestSite.Built built = TestSite.write(dir, """
                -- content/_site.yaml --
                languages: [en, zh]
                repository: https://github.com/org/kb
                -- content/litellm/all/index.en.md --
                ---
                title: "Everything <b>at</b> once & more"
                summary: "Quotes \\" and <tags> in a summary"
                date: 2025-02-18
                updated: 2025-03-01
                tags: [litellm, docker-network]
                products: [litellm]
                errors: ["KeyError: 'kwargs'"]
                verified_with: {litellm: 1.61.x}
                ---
                ## Table
                | a | b |
                |---|:-:|
                | `x` | **y** |

                ## Lists
                - [x] done
                - [ ] open
                1. one
                2. two

                > [!TIP]
                > A tip with [a link](../../ollama/b/).

                > [!CAUTION]

                ~~gone~~ https://example.com <https://example.org/x> and a footnote[^n].

                <div onclick="x()">raw html</div>

                ![an image](pic.png "title")

                ```yaml file=config.yaml nocheck
                a: 1
                ```

                    indented code

                ---

                Hard  
                break.

                [^n]: The note.
                -- content/litellm/all/pic.png --
                not a real png
                -- content/ollama/b/index.zh.md --
                ---
                title: 乙
                summary: 只有中文
                date: 2025-02-19
                ---
                ## 原因
                正文 `code`。
                """).build();
        assertEquals("", built.diagnostics());
        assertEquals(List.of(), check(built));
    }
}
