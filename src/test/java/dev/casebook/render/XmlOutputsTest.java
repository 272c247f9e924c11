package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.casebook.testing.TestSite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feeds and the sitemap stay well-formed XML whatever characters content holds. */
class XmlOutputsTest {

    @TempDir
    Path dir;

    @Test
    void noncharactersInATitleAreReplacedAndTheFeedsParse() throws Exception {
        TestSite.Built built = TestSite.write(dir, """
                -- content/_site.yaml --
                base_url: https://example.org/kb/
                -- content/a/b/index.en.md --
                ---
                title: "Broken \uFFFF title \uFFFE here"
                summary: "A summary with \uFDD0 in it"
                date: 2025-02-18
                ---
                Body.
                """).build();
        assertEquals("""
                content/a/b/index.en.md:2:16: warning[encoding]: noncharacter U+FFFF replaced by U+FFFD (3 in this file)
                  hint: remove it: invisible characters can make text read differently from what it is""", built.diagnostics());
        for (String xml : new String[] {"en/feed.xml", "sitemap.xml"}) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(built.file(xml).getBytes(StandardCharsets.UTF_8)));
            assertTrue(document.getDocumentElement() != null, xml);
        }
        assertTrue(built.file("en/feed.xml").contains("Broken \uFFFD title \uFFFD here"), built.file("en/feed.xml"));
    }
}
