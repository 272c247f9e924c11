package dev.casebook.render;

import dev.casebook.content.BaseUrl;
import dev.casebook.content.Document;
import dev.casebook.content.TranslationResult;
import dev.casebook.content.Lang;
import dev.casebook.content.Routes;
import dev.casebook.content.Snippet;
import dev.casebook.content.Tab;
import dev.casebook.content.SnippetVerdict;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article's body as its page shows it: the parse stage's HTML with its slots filled (link
 * targets from the check stage, a bar above each code block saying what checking it showed) and a
 * self-link on each h2–h4.
 */
final class BodyHtml {

    private static final Pattern IMAGE_TAG = Pattern.compile("<img [^>]*src=\"casebook-link:(\\d+)\"[^>]*>");
    private static final Pattern SNIPPET_SLOT = Pattern.compile("<!--casebook-snippet:(\\d+)-->");

    private final BaseUrl base;
    private final Theme theme;

    BodyHtml(BaseUrl base, Theme theme) {
        this.base = base;
        this.theme = theme;
    }

    /** The body of {@code entry} on its page in {@code lang}. */
    String of(Lang lang, TranslationResult entry) {
        Document doc = entry.document();
        return withHeadingLinks(fillSlots(doc.html(), entry.hrefs(), snippetHeads(lang, doc, entry.snippets())),
                theme.strings(lang).get("heading_link"));
    }

    /** The bar above each code block: the file it stands for, and what checking it showed. */
    private List<String> snippetHeads(Lang lang, Document doc, List<SnippetVerdict> checks) {
        Map<String, String> t = theme.strings(lang);
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < doc.snippets().size(); i++) {
            SnippetVerdict check = i < checks.size() ? checks.get(i) : SnippetVerdict.NOT_A_CONFIG;
            StringBuilder head = new StringBuilder();
            doc.snippets().get(i).attribute("file").ifPresent(f ->
                    head.append("<span class=\"code-file\">").append(Html.escape(f)).append("</span>"));
            switch (check.status()) {
                case VALID -> badge(head, "valid", t.get("snippet_valid"));
                case NOT_CHECKED -> badge(head, "unchecked", t.get(switch (check.reason()) {
                    case SnippetVerdict.NOCHECK -> "snippet_not_checked_nocheck";
                    case SnippetVerdict.FACTS -> "snippet_not_checked_facts";
                    default -> "snippet_not_checked_unknown_kind";
                }));
                case SHOWS, FAILS -> {
                    boolean shows = check.status() == SnippetVerdict.Status.SHOWS;
                    head.append("<span class=\"check check-").append(shows ? "shows" : "fails").append("\">")
                            .append(Html.escape(t.get(shows ? "snippet_shows" : "snippet_fails")));
                    for (String id : check.rules()) {
                        if (id.equals(SnippetVerdict.SCHEMA)) {
                            // a schema's findings have no rule page: the schema says what it wants
                            head.append(" <span class=\"check-schema\">").append(Html.escape(t.get("snippet_schema"))).append("</span>");
                        } else {
                            head.append(" <a href=\"").append(Html.escape(base.url(Routes.rule(lang, id)))).append("\">")
                                    .append(Html.escape(id)).append("</a>");
                        }
                    }
                    head.append("</span>");
                }
                case NOT_CONFIG -> {
                }
            }
            if (check.ruled()) {
                // the check page runs the rules in the browser; schemas stay on the command line
                head.append(" <a class=\"try\" href=\"").append(Html.escape(tryIt(lang, doc, checks, check.group())))
                        .append("\">").append(Html.escape(t.get("snippet_try"))).append("</a>");
            }
            heads.add(head.length() == 0 ? "" : "<div class=\"code-head\">" + head.toString().replace("</span><span", "</span> <span") + "</div>");
        }
        return heads;
    }

    private static void badge(StringBuilder head, String state, String label) {
        head.append("<span class=\"check check-").append(state).append("\">").append(Html.escape(label)).append("</span>");
    }

    /**
     * The check page with a snippet's group loaded (each file's name and text in the fragment, which
     * never reaches a server), so a reader can edit the example and watch the finding change.
     */
    private String tryIt(Lang lang, Document doc, List<SnippetVerdict> checks, String group) {
        StringBuilder fragment = new StringBuilder();
        Tab tab = null;
        for (int i = 0; i < doc.snippets().size() && i < checks.size(); i++) {
            if (!checks.get(i).group().equals(group) || checks.get(i).status() == SnippetVerdict.Status.NOT_CONFIG) {
                continue;
            }
            Snippet s = doc.snippets().get(i);
            String name = s.attribute("file").orElse(s.language().equals("dotenv") ? ".env" : "config.yaml");
            fragment.append(fragment.length() == 0 ? "" : "&").append("file=").append(formEncode(name))
                    .append("&text=").append(formEncode(s.code()));
            tab = tab == null ? s.tab().orElse(null) : tab;
        }
        // a tab's environment goes along, so the checker judges the files where the tab says they run
        if (tab != null) {
            tab.environment().forEach((key, value) -> fragment.append('&').append(formEncode(key)).append('=').append(formEncode(value)));
        }
        return base.url(Routes.check(lang)) + "#" + fragment;
    }

    private static String formEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Each h2-h4 gets a link to itself (a # after the text), labelled for screen readers in the page's language. */
    static String withHeadingLinks(String html, String label) {
        // by hand rather than with a pattern: a find() tries every position of a long page
        String anchor = "\" aria-label=\"" + Html.escape(label) + "\">#</a>";
        StringBuilder out = null;
        int from = 0;
        int at = html.indexOf("<h", from);
        while (at >= 0) {
            int idEnd = headingIdEnd(html, at);
            if (idEnd < 0) {
                at = html.indexOf("<h", at + 2);
                continue;
            }
            String close = "</h" + html.charAt(at + 2) + ">";
            int end = html.indexOf(close, idEnd + 2);
            if (end < 0) {
                break;
            }
            out = out == null ? new StringBuilder(html.length() + 256) : out;
            out.append(html, from, end).append(" <a class=\"anchor\" href=\"#").append(html, at + 8, idEnd).append(anchor).append(close);
            from = end + close.length();
            at = html.indexOf("<h", from);
        }
        return out == null ? html : out.append(html, from, html.length()).toString();
    }

    /** Where the id of {@code <h2 id="…">} (h2 to h4) starting at {@code at} ends (its closing quote), or -1. */
    private static int headingIdEnd(String html, int at) {
        if (at + 9 >= html.length()) {
            return -1;
        }
        char level = html.charAt(at + 2);
        if (level < '2' || level > '4' || !html.startsWith(" id=\"", at + 3)) {
            return -1;
        }
        int quote = html.indexOf('"', at + 8);
        return quote > at + 8 && quote + 1 < html.length() && html.charAt(quote + 1) == '>' ? quote : -1;
    }

    static String fillSlots(String html, List<String> hrefs, List<String> snippetHeads) {
        // an image whose source was dropped disappears entirely, keeping the page valid
        String withImages = replace(IMAGE_TAG, html, m -> {
            int slot = Integer.parseInt(m.group(1));
            return slot < hrefs.size() && hrefs.get(slot).isEmpty() ? "" : m.group();
        });
        String withLinks = linkSlots(withImages, hrefs);
        return replace(SNIPPET_SLOT, withLinks, m -> {
            int slot = Integer.parseInt(m.group(1));
            return slot < snippetHeads.size() ? snippetHeads.get(slot) : "";
        });
    }

    /**
     * Fills {@code  href="casebook-link:N"} and {@code  src="casebook-link:N"} with the resolved
     * URLs (a dropped one takes its attribute with it). By hand, since a pattern with a leading
     * space makes every position of the page a candidate.
     */
    static String linkSlots(String html, List<String> hrefs) {
        String marker = "=\"casebook-link:";
        StringBuilder out = null;
        int from = 0;
        int at = html.indexOf(marker);
        while (at >= 0) {
            String attribute = html.startsWith(" href", at - 5) ? "href" : html.startsWith(" src", at - 4) ? "src" : null;
            int digits = at + marker.length();
            int end = digits;
            while (end < html.length() && html.charAt(end) >= '0' && html.charAt(end) <= '9') {
                end++;
            }
            if (attribute == null || end == digits || end >= html.length() || html.charAt(end) != '"') {
                at = html.indexOf(marker, at + 1);
                continue;
            }
            int slot = Integer.parseInt(html, digits, end, 10);
            String href = slot < hrefs.size() ? hrefs.get(slot) : "";
            out = out == null ? new StringBuilder(html.length() + 256) : out;
            out.append(html, from, at - attribute.length() - 1);
            if (!href.isEmpty()) {
                out.append(' ').append(attribute).append("=\"").append(Html.escape(href)).append('"');
            }
            from = end + 1;
            at = html.indexOf(marker, from);
        }
        return out == null ? html : out.append(html, from, html.length()).toString();
    }

    private static String replace(Pattern p, String s, Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s; // most pages have no image, many no snippet: no copy of the page
        }
        StringBuilder out = new StringBuilder(s.length() + 64);
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
