package dev.casebook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written scanners of page HTML give what the patterns they replaced gave. */
class SlotFillingTest {

    private static final List<String> PAGES = List.of(
            "",
            "<p>no slots, no headings</p>",
            "<h2 id=\"fix\">Fix</h2><p>x</p><h3 id=\"a-b\">A <code>b</code></h3><h4 id=\"c\">C</h4>",
            "<h1 id=\"top\">T</h1><h5 id=\"deep\">D</h5><h2 id=\"\">empty</h2><h2 id=\"open\">never closed",
            "<h2 class=\"x\" id=\"y\">not ours</h2><h3 id=\"q\" class=\"z\">neither</h3><h2 id=\"ok\">ok</h2>",
            "<h2 id=\"中文-标题\">中文</h2> <h2",
            "<a href=\"casebook-link:0\">zero</a> <img src=\"casebook-link:1\" alt=\"\"> <a href=\"casebook-link:7\">gone</a>",
            "<a data-href=\"casebook-link:0\">not an attribute we fill</a> <a href=\"casebook-link:\">no number</a>",
            "<a href=\"casebook-link:2x\">bad</a><a  href=\"casebook-link:1\">two spaces</a><a href=\"casebook-link:1\"");

    private static String headingLinksByPattern(String html, String label) {
        Matcher m = Pattern.compile("<h([2-4]) id=\"([^\"]+)\">").matcher(html);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            String close = "</h" + m.group(1) + ">";
            int end = html.indexOf(close, m.end());
            if (end < 0) {
                break;
            }
            out.append(html, from, end).append(" <a class=\"anchor\" href=\"#").append(m.group(2)).append("\" aria-label=\"")
                    .append(Html.escape(label)).append("\">#</a>").append(close);
            from = end + close.length();
            m.region(from, html.length());
        }
        return out.append(html, from, html.length()).toString();
    }

    private static String linkSlotsByPattern(String html, List<String> hrefs) {
        Matcher m = Pattern.compile(" (href|src)=\"casebook-link:(\\d+)\"").matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int slot = Integer.parseInt(m.group(2));
            String href = slot < hrefs.size() ? hrefs.get(slot) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(href.isEmpty() ? "" : " " + m.group(1) + "=\"" + Html.escape(href) + "\""));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void headingLinksAreThoseThePatternGave() {
        for (String page : PAGES) {
            assertEquals(headingLinksByPattern(page, "Link to \"this\" section"), BodyHtml.withHeadingLinks(page, "Link to \"this\" section"), page);
        }
    }

    @Test
    void linkSlotsAreFilledAsThePatternFilledThem() {
        List<String> hrefs = List.of("/kb/en/a/b/", "../img.png?a=1&b=\"2\"", "");
        for (String page : PAGES) {
            assertEquals(linkSlotsByPattern(page, hrefs), BodyHtml.linkSlots(page, hrefs), page);
        }
    }

    @Test
    void escapingLeavesPlainTextAsItIsAndEscapesTheRest() {
        assertEquals("/kb/en/a-b/", Html.escape("/kb/en/a-b/"));
        assertEquals("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;", Html.escape("a & b <c> \"d\" 'e'"));
        assertEquals("bell gone, tab\tkept", Html.escape("bell\u0007 gone, tab\tkept"));
    }
}
