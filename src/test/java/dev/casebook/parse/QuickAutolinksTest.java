package dev.casebook.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class QuickAutolinksTest {

    private static String html(Extension autolinks, String markdown) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(autolinks));
        return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
    }

    /** The stock extension and the quick one give the same HTML, on tricky text and on every article here. */
    @Test
    void linksAreExactlyThoseOfFlexmarksExtension() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "plain words, no link at all",
                "see https://example.com/x?a=1, and http://localhost:11434/v1.",
                "mail ops@example.org or <ops@example.org>",
                "www.example.com and WWW.EXAMPLE.COM and Www.Example.com",
                "an escaped colon http&#58;//example.com and a backslash http\\://example.com",
                "scheme alone: ftp:// then space",
                "中文：全角冒号，不是链接。访问 https://例子.中国/路径 看看",
                "`code https://not.linked` and [text](https://linked.example) and https://example.com/a_(b)",
                "wwwx.example.com and ww.example.com and awww.example.com"));
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
        }
        assertTrue(texts.size() > 20, "the knowledge base's articles are part of the sample");
        for (String text : texts) {
            assertEquals(html(AutolinkExtension.create(), text), html(new QuickAutolinks(), text), text);
        }
    }

    @Test
    void textWithoutColonAtSignEscapeOrWwwIsSkipped() {
        assertFalse(QuickAutolinks.mayHoldLink("plain words, 中文：全角"));
        assertFalse(QuickAutolinks.mayHoldLink("wwwx and ww.x"));
        assertTrue(QuickAutolinks.mayHoldLink("a:b"));
        assertTrue(QuickAutolinks.mayHoldLink("a@b"));
        assertTrue(QuickAutolinks.mayHoldLink("&#58;"));
        assertTrue(QuickAutolinks.mayHoldLink("WwW.x"));
    }
}
